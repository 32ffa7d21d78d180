package io.kycflow.kya;

/** The blockchains whose addresses KYA validates and screens. */
public enum Chain {
    /** Bitcoin mainnet (OFAC lists these as "XBT"). */
    BTC,
    /** Ethereum. */
    ETH
}
