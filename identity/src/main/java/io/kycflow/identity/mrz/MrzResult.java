package io.kycflow.identity.mrz;

/** What {@link MrzParser} made of some lines: a parsed {@link Mrz} (check digits good or not), or {@link NoMrz}. */
public sealed interface MrzResult permits Mrz, NoMrz {
}
