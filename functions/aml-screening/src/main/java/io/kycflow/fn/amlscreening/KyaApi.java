package io.kycflow.fn.amlscreening;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Principal;
import io.kycflow.auth.Secrets;
import io.kycflow.http.ApiException;
import io.kycflow.http.ApiResponse;
import io.kycflow.http.ErrorCode;
import io.kycflow.http.JsonBody;
import io.kycflow.json.Json;
import io.kycflow.kya.AddressParseResult;
import io.kycflow.kya.AddressRejection;
import io.kycflow.kya.Chain;
import io.kycflow.kya.CryptoAddress;
import io.kycflow.kyc.KycService;
import io.kycflow.kyc.RiskRating;
import io.kycflow.screening.AddressHit;
import io.kycflow.store.DynamoDocuments;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Blockchain address risk (KYA): validates the address and its checksum, detects the chain, and looks it up among
 * the digital currency addresses the loaded sanctions lists publish. Risk: 100 (Very high) when the address is
 * listed — a sanctioned address is as risky as it gets — else 0 (Low); no transaction graph is analysed.
 */
final class KyaApi {
    private static final Pattern CHAIN = Pattern.compile("(?i)btc|eth");
    private static final int LISTED_RISK = 100;

    private final KycService screening;
    private final DynamoDocuments store;
    private final Clock clock;

    KyaApi(KycService screening, DynamoDocuments store, Clock clock) {
        this.screening = screening;
        this.store = store;
        this.clock = clock;
    }

    /** POST /kya. */
    ApiResponse create(Principal caller, String body) {
        JsonBody request = JsonBody.parse(body, Set.of("address", "chain", "customer_reference"));
        String address = request.requiredString("address", 128, null, null);
        String chainName = request.string("chain", 8, CHAIN, "\"BTC\" or \"ETH\"");
        String customerReference = request.string("customer_reference", 256, null, null);
        AddressParseResult parsed = CryptoAddress.parse(address,
                chainName == null ? null : Chain.valueOf(chainName.toUpperCase(Locale.ROOT)));
        CryptoAddress valid = switch (parsed) {
            case CryptoAddress ok -> ok;
            case AddressRejection rejection -> throw new ApiException(ErrorCode.INVALID_FORMAT,
                    "Field 'address' is not a valid address: " + rejection.detail() + ".", "address");
        };
        List<AddressHit> hits = screening.index().findAddress(valid.normalised());
        int risk = hits.isEmpty() ? 0 : LISTED_RISK;
        String kyaId = "kya_" + Secrets.random(12);
        ObjectNode result = Json.object()
                .put("kya_id", kyaId)
                .put("address", valid.normalised())
                .put("chain", valid.chain().name())
                .put("address_type", valid.type().name().toLowerCase(Locale.ROOT));
        ArrayNode sdnList = result.putArray("sdnlist");
        for (AddressHit hit : hits) {
            ObjectNode entry = sdnList.addObject()
                    .put("list", hit.list().name())
                    .put("list_version", hit.listVersion())
                    .put("source_id", hit.sourceId())
                    .put("name", hit.primaryName())
                    .put("entity_type", hit.entityType().name().toLowerCase(Locale.ROOT))
                    .put("currency", hit.currency())
                    .put("address", hit.address());
            ArrayNode programs = entry.putArray("programs");
            hit.programs().forEach(programs::add);
        }
        result.put("risk_score", risk)
                .put("risk_rating", RiskRating.of(risk).label())
                .put("creation_timestamp", clock.instant().toString())
                .put("customer_reference", customerReference);
        store.create(caller.tenantId(), kyaId, result);
        return ApiResponse.json(201, result);
    }

    /** GET /kya/{kyaId}. */
    ApiResponse get(Principal caller, String kyaId) {
        return ApiResponse.json(200, store.find(caller.tenantId(), kyaId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No such address screening.")));
    }
}
