package io.kycflow.identity;

/**
 * Reads an identity document's text from its images: Amazon Textract AnalyzeID in the cloud, Tesseract on the
 * uploaded pixels locally. Implementations read; the identity rules decide.
 */
public interface DocumentReader {

    /**
     * Reads the document.
     *
     * @param front the front side's image bytes (JPEG or PNG)
     * @param back  the back side's image bytes, or null when the document has no back (passport)
     * @return what was read; a document with no readable MRZ gives empty {@code mrzLines}, never an exception
     */
    DocumentReading read(byte[] front, byte[] back);
}
