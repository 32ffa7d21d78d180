package io.kycflow.screening;

import io.kycflow.matching.PreparedName;
import io.kycflow.sanctions.BirthDate;
import io.kycflow.sanctions.DigitalCurrencyAddress;
import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.SanctionsList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The binary form of a {@link ScreeningIndex}: the magic "KYCSCRN", a format version byte, the body's deflated
 * length, the deflated body and the CRC-32 of the deflated bytes. The body starts with a table of every distinct
 * string; everything after refers to strings by their position in it. Names are stored normalised (tokens and
 * the name as written), so loading runs no normaliser.
 */
final class ScreeningSnapshot {

    private static final byte[] MAGIC = "KYCSCRN".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 1;
    /** No real snapshot comes near this; a larger length means a corrupted header. */
    private static final int MAX_BODY = 1 << 30;
    /** A date of birth without a parsed range. */
    private static final long UNPARSED = Long.MIN_VALUE;

    private ScreeningSnapshot() {
    }

    static void write(OutputStream out, Map<SanctionsList, String> versions, List<ListedEntry> entries,
            int[] entryNames, PreparedName[] names) throws IOException {
        Strings strings = new Strings();
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        DataOutputStream body = new DataOutputStream(records);
        body.writeInt(versions.size());
        for (Map.Entry<SanctionsList, String> list : versions.entrySet()) {
            body.writeUTF(list.getKey().name());
            strings.write(body, list.getValue());
        }
        body.writeInt(entries.size());
        for (int e = 0; e < entries.size(); e++) {
            ListedEntry entry = entries.get(e);
            body.writeByte(entry.list().ordinal());
            strings.write(body, entry.sourceId());
            body.writeByte(entry.type().ordinal());
            strings.write(body, entry.primaryName());
            strings.writeAll(body, entry.programs());
            body.writeInt(entry.datesOfBirth().size());
            for (BirthDate date : entry.datesOfBirth()) {
                strings.write(body, date.text());
                body.writeBoolean(date.approximate());
                body.writeLong(date.parsed() ? date.earliest().toEpochDay() : UNPARSED);
                body.writeLong(date.parsed() ? date.latest().toEpochDay() : UNPARSED);
            }
            strings.writeAll(body, entry.nationalities());
            strings.writeAll(body, entry.documentNumbers());
            strings.writeAll(body, entry.addressCountries());
            body.writeInt(entry.digitalCurrencyAddresses().size());
            for (DigitalCurrencyAddress address : entry.digitalCurrencyAddresses()) {
                strings.write(body, address.currency());
                strings.write(body, address.address());
            }
            body.writeInt(entryNames[e + 1] - entryNames[e]);
            for (int n = entryNames[e]; n < entryNames[e + 1]; n++) {
                strings.write(body, names[n].original());
                strings.writeAll(body, names[n].tokens());
                strings.write(body, names[n].asWritten());
            }
        }
        body.flush();

        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DataOutputStream packed = new DataOutputStream(
                new DeflaterOutputStream(deflated, new Deflater(Deflater.BEST_COMPRESSION)))) {
            packed.writeInt(strings.list.size());
            for (String s : strings.list) {
                packed.writeUTF(s);
            }
            records.writeTo(packed);
        }
        CRC32 crc = new CRC32();
        crc.update(deflated.toByteArray());
        DataOutputStream header = new DataOutputStream(out);
        header.write(MAGIC);
        header.writeByte(FORMAT);
        header.writeInt(deflated.size());
        deflated.writeTo(header);
        header.writeLong(crc.getValue());
        header.flush();
    }

    static ScreeningIndex read(InputStream in) throws IOException {
        DataInputStream header = new DataInputStream(in);
        try {
            byte[] magic = new byte[MAGIC.length];
            header.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a screening index snapshot (bad magic header)");
            }
            int format = header.readUnsignedByte();
            if (format != FORMAT) {
                throw new IOException("screening index snapshot format " + format + " is not supported (expected " + FORMAT + ")");
            }
            int length = header.readInt();
            if (length < 0 || length > MAX_BODY) {
                throw new IOException("corrupted screening index snapshot: body length " + length);
            }
            byte[] deflated = header.readNBytes(length);
            if (deflated.length < length) {
                throw new IOException("truncated screening index snapshot: body has " + deflated.length + " of " + length + " bytes");
            }
            long expected = header.readLong();
            CRC32 crc = new CRC32();
            crc.update(deflated);
            if (crc.getValue() != expected) {
                throw new IOException("corrupted screening index snapshot: checksum mismatch");
            }
            return readBody(new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(deflated), new Inflater(), 1 << 16)));
        } catch (EOFException e) {
            throw new IOException("truncated screening index snapshot", e);
        } catch (RuntimeException e) {
            // only reachable when a valid checksum covers a body this code did not write
            throw new IOException("corrupted screening index snapshot: " + e, e);
        }
    }

    private static ScreeningIndex readBody(DataInputStream body) throws IOException {
        String[] strings = new String[count(body)];
        for (int i = 0; i < strings.length; i++) {
            strings[i] = body.readUTF();
        }
        Reader reader = new Reader(body, strings);
        Map<SanctionsList, String> versions = new EnumMap<>(SanctionsList.class);
        int listCount = count(body);
        for (int i = 0; i < listCount; i++) {
            versions.put(SanctionsList.valueOf(body.readUTF()), reader.string());
        }
        int entryCount = count(body);
        List<ListedEntry> entries = new ArrayList<>(entryCount);
        int[] entryNames = new int[entryCount + 1];
        List<PreparedName> names = new ArrayList<>();
        SanctionsList[] lists = SanctionsList.values();
        EntityType[] types = EntityType.values();
        for (int e = 0; e < entryCount; e++) {
            SanctionsList list = lists[body.readUnsignedByte()];
            String sourceId = reader.string();
            EntityType type = types[body.readUnsignedByte()];
            String primaryName = reader.string();
            List<String> programs = reader.strings();
            List<BirthDate> dates = new ArrayList<>();
            for (int i = count(body); i > 0; i--) {
                String text = reader.string();
                boolean approximate = body.readBoolean();
                long earliest = body.readLong();
                long latest = body.readLong();
                dates.add(earliest == UNPARSED
                        ? new BirthDate(text, approximate, null, null)
                        : new BirthDate(text, approximate, LocalDate.ofEpochDay(earliest), LocalDate.ofEpochDay(latest)));
            }
            List<String> nationalities = reader.strings();
            List<String> documents = reader.strings();
            List<String> countries = reader.strings();
            List<DigitalCurrencyAddress> addresses = new ArrayList<>();
            for (int i = count(body); i > 0; i--) {
                addresses.add(new DigitalCurrencyAddress(reader.string(), reader.string()));
            }
            String version = versions.get(list);
            if (version == null) {
                throw new IOException("corrupted screening index snapshot: entry of unlisted " + list);
            }
            entries.add(new ListedEntry(list, version, sourceId, type, primaryName, programs, dates, nationalities,
                    documents, countries, addresses));
            entryNames[e] = names.size();
            for (int i = count(body); i > 0; i--) {
                String original = reader.string();
                String[] tokens = reader.strings().toArray(String[]::new);
                names.add(PreparedName.restore(original, tokens, reader.string()));
            }
        }
        entryNames[entryCount] = names.size();
        if (body.read() != -1) {
            throw new IOException("corrupted screening index snapshot: data after the last entry");
        }
        return new ScreeningIndex(versions, entries, entryNames, names.toArray(PreparedName[]::new));
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_BODY) {
            throw new IOException("corrupted screening index snapshot: count " + count);
        }
        return count;
    }

    /** The string table being written: each distinct string once, referred to by position. */
    private static final class Strings {
        final List<String> list = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();

        void write(DataOutputStream out, String s) throws IOException {
            out.writeInt(ids.computeIfAbsent(s, k -> {
                list.add(k);
                return list.size() - 1;
            }));
        }

        void writeAll(DataOutputStream out, List<String> values) throws IOException {
            out.writeInt(values.size());
            for (String s : values) {
                write(out, s);
            }
        }
    }

    /** Reads string references against the table. */
    private record Reader(DataInputStream in, String[] table) {
        String string() throws IOException {
            int id = in.readInt();
            if (id < 0 || id >= table.length) {
                throw new IOException("corrupted screening index snapshot: string " + id + " of " + table.length);
            }
            return table[id];
        }

        List<String> strings() throws IOException {
            int size = count(in);
            List<String> out = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                out.add(string());
            }
            return out;
        }
    }
}
