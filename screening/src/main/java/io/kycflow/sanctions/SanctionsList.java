package io.kycflow.sanctions;

/** The sanctions lists the platform screens against; every {@link ListedEntity} names the one it came from. */
public enum SanctionsList {
    /** US Treasury OFAC Specially Designated Nationals list (legacy CSV: sdn.csv, alt.csv, add.csv). */
    OFAC_SDN,
    /** UN Security Council consolidated list (consolidated.xml). */
    UN_CONSOLIDATED
}
