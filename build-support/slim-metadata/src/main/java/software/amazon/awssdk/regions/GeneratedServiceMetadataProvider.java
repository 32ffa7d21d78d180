package software.amazon.awssdk.regions;

/**
 * Stands in, inside kycflow's Lambda artifacts only, for the AWS SDK class of the same name, whose static
 * initialiser instantiates the endpoint metadata of every AWS service (some 320 classes, about 150 ms of each cold
 * start) so that a client can ask for its signing region. Answering "no specific metadata" makes the SDK use
 * {@link DefaultServiceMetadata}, whose signing region is the client's region: the same answer the generated
 * metadata gives for DynamoDB, S3 and Step Functions in every standard region kycflow deploys to. The shade
 * configuration of functions/pom.xml drops the SDK's class and its metadata classes from the artifacts.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return null;
    }
}
