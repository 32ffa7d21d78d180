package io.kycflow.screening;

import io.kycflow.sanctions.BirthDate;
import io.kycflow.sanctions.DigitalCurrencyAddress;
import io.kycflow.sanctions.EntityType;
import io.kycflow.sanctions.SanctionsList;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;

/**
 * The binary form of a {@link ScreeningIndex}: the magic "KYCSCRN", a format version byte, the body's deflated
 * and inflated lengths, the deflated body and the CRC-32 of the deflated bytes. The body starts with a table of
 * every distinct string (their UTF-8 lengths, then their bytes); everything after refers to strings by their
 * position in it. After the entries comes the {@link NameIndex} as it is held in memory, its arrays written
 * whole, so that loading is mostly bulk copies: no name is normalised, no vocabulary sorted, no bound table built.
 */
final class ScreeningSnapshot {

    private static final byte[] MAGIC = "KYCSCRN".getBytes(StandardCharsets.US_ASCII);
    /**
     * 3: the name index of the evidence-weighted match decision (part weights, variant keys, surname counts);
     * 2 held the OFAC-score filter's arrays, 1 only the normalised names.
     */
    static final int FORMAT = 3;
    /** No real snapshot comes near this; a larger length means a corrupted header. */
    private static final int MAX_BODY = 1 << 30;
    /** A date of birth without a parsed range. */
    private static final long UNPARSED = Long.MIN_VALUE;

    private ScreeningSnapshot() {
    }

    static void write(OutputStream out, Map<SanctionsList, String> versions, List<ListedEntry> entries,
            int[] entryNames, NameIndex names) throws IOException {
        Output body = new Output();
        body.count(versions.size());
        for (Map.Entry<SanctionsList, String> list : versions.entrySet()) {
            body.data.writeByte(list.getKey().ordinal());
            body.string(list.getValue());
        }
        body.count(entries.size());
        for (int e = 0; e < entries.size(); e++) {
            ListedEntry entry = entries.get(e);
            body.data.writeByte(entry.list().ordinal());
            body.string(entry.sourceId());
            body.data.writeByte(entry.type().ordinal());
            body.string(entry.primaryName());
            body.strings(entry.programs());
            body.count(entry.datesOfBirth().size());
            for (BirthDate date : entry.datesOfBirth()) {
                body.string(date.text());
                body.data.writeBoolean(date.approximate());
                body.data.writeLong(date.parsed() ? date.earliest().toEpochDay() : UNPARSED);
                body.data.writeLong(date.parsed() ? date.latest().toEpochDay() : UNPARSED);
            }
            body.strings(entry.nationalities());
            body.strings(entry.documentNumbers());
            body.strings(entry.addressCountries());
            body.count(entry.digitalCurrencyAddresses().size());
            for (DigitalCurrencyAddress address : entry.digitalCurrencyAddresses()) {
                body.string(address.currency());
                body.string(address.address());
            }
        }
        body.ints(entryNames);
        names.write(body);

        byte[] plain = body.toByteArray();
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        // BEST_SPEED: on the real lists' 7 MB body it deflates in ~90 ms to 2.82 MB; BEST_COMPRESSION took ~2.2 s (most
        // of list ingestion's time) for a slightly *larger* result. Inflating costs the same (~25 ms) either way.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream packed = new DeflaterOutputStream(deflated, deflater)) {
            packed.write(plain);
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(deflated.toByteArray());
        DataOutputStream header = new DataOutputStream(out);
        header.write(MAGIC);
        header.writeByte(FORMAT);
        header.writeInt(deflated.size());
        header.writeInt(plain.length);
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
                throw new SnapshotFormatException(format, FORMAT);
            }
            int length = header.readInt();
            int inflatedLength = header.readInt();
            if (length < 0 || length > MAX_BODY || inflatedLength < 0 || inflatedLength > MAX_BODY) {
                throw new IOException("corrupted screening index snapshot: body length " + length + ", inflated " + inflatedLength);
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
            return readBody(new Input(inflate(deflated, inflatedLength)));
        } catch (EOFException e) {
            throw new IOException("truncated screening index snapshot", e);
        } catch (RuntimeException | DataFormatException e) {
            // only reachable when a valid checksum covers a body this code did not write
            throw new IOException("corrupted screening index snapshot: " + e, e);
        }
    }

    private static ByteBuffer inflate(byte[] deflated, int length) throws DataFormatException, IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            // one byte more than expected, so that a longer body shows
            byte[] plain = new byte[length + 1];
            int inflated = inflater.inflate(plain);
            if (inflated != length || !inflater.finished()) {
                throw new IOException("corrupted screening index snapshot: body inflates to other than " + length + " bytes");
            }
            return ByteBuffer.wrap(plain, 0, length);
        } finally {
            inflater.end();
        }
    }

    private static ScreeningIndex readBody(Input body) throws IOException {
        Map<SanctionsList, String> versions = new EnumMap<>(SanctionsList.class);
        SanctionsList[] lists = SanctionsList.values();
        EntityType[] types = EntityType.values();
        for (int i = body.count(); i > 0; i--) {
            versions.put(lists[body.unsignedByte()], body.string());
        }
        int entryCount = body.count();
        List<ListedEntry> entries = new ArrayList<>(entryCount);
        for (int e = 0; e < entryCount; e++) {
            SanctionsList list = lists[body.unsignedByte()];
            String sourceId = body.string();
            EntityType type = types[body.unsignedByte()];
            String primaryName = body.string();
            List<String> programs = body.strings();
            List<BirthDate> dates = new ArrayList<>();
            for (int i = body.count(); i > 0; i--) {
                String text = body.string();
                boolean approximate = body.buffer.get() != 0;
                long earliest = body.buffer.getLong();
                long latest = body.buffer.getLong();
                dates.add(earliest == UNPARSED
                        ? new BirthDate(text, approximate, null, null)
                        : new BirthDate(text, approximate, LocalDate.ofEpochDay(earliest), LocalDate.ofEpochDay(latest)));
            }
            List<String> nationalities = body.strings();
            List<String> documents = body.strings();
            List<String> countries = body.strings();
            List<DigitalCurrencyAddress> addresses = new ArrayList<>();
            for (int i = body.count(); i > 0; i--) {
                addresses.add(new DigitalCurrencyAddress(body.string(), body.string()));
            }
            String version = versions.get(list);
            if (version == null) {
                throw new IOException("corrupted screening index snapshot: entry of unlisted " + list);
            }
            entries.add(new ListedEntry(list, version, sourceId, type, primaryName, programs, dates, nationalities,
                    documents, countries, addresses));
        }
        int[] entryNames = body.ints();
        if (entryNames.length != entryCount + 1 || entryNames[0] != 0) {
            throw new IOException("corrupted screening index snapshot: entries and names disagree");
        }
        NameIndex names = NameIndex.read(body, ScreeningIndex.personNames(entries, entryNames));
        if (body.buffer.hasRemaining()) {
            throw new IOException("corrupted screening index snapshot: data after the name index");
        }
        return new ScreeningIndex(versions, entries, entryNames, names);
    }

    /**
     * A body being written: strings as positions in a table of each distinct string, which {@link #toByteArray}
     * puts ahead of the rest; arrays as their length and then their elements.
     */
    static final class Output {
        private final ByteArrayOutputStream records = new ByteArrayOutputStream();
        final DataOutputStream data = new DataOutputStream(records);
        private final List<String> table = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();

        void count(int count) throws IOException {
            data.writeInt(count);
        }

        void string(String s) throws IOException {
            data.writeInt(ids.computeIfAbsent(s, k -> {
                table.add(k);
                return table.size() - 1;
            }));
        }

        void strings(List<String> values) throws IOException {
            data.writeInt(values.size());
            for (String s : values) {
                string(s);
            }
        }

        void strings(String[] values) throws IOException {
            strings(Arrays.asList(values));
        }

        void ints(int[] values) throws IOException {
            data.writeInt(values.length);
            for (int value : values) {
                data.writeInt(value);
            }
        }

        void bytes(byte[] values) throws IOException {
            data.writeInt(values.length);
            data.write(values);
        }

        void doubles(double[] values) throws IOException {
            data.writeInt(values.length);
            for (double value : values) {
                data.writeDouble(value);
            }
        }

        void booleans(boolean[] values) throws IOException {
            byte[] bytes = new byte[values.length];
            for (int i = 0; i < values.length; i++) {
                bytes[i] = (byte) (values[i] ? 1 : 0);
            }
            bytes(bytes);
        }

        /** The string table, then everything written. */
        byte[] toByteArray() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() + 32 * table.size());
            DataOutputStream head = new DataOutputStream(out);
            byte[][] encoded = new byte[table.size()][];
            int[] lengths = new int[encoded.length];
            for (int i = 0; i < encoded.length; i++) {
                encoded[i] = table.get(i).getBytes(StandardCharsets.UTF_8);
                lengths[i] = encoded[i].length;
            }
            head.writeInt(lengths.length);
            for (int length : lengths) {
                head.writeInt(length);
            }
            for (byte[] bytes : encoded) {
                head.write(bytes);
            }
            records.writeTo(head);
            return out.toByteArray();
        }
    }

    /**
     * A body being read, the mirror of {@link Output}: arrays come out of the buffer in bulk. Reading past the end
     * throws {@link java.nio.BufferUnderflowException}, which {@link #read} reports as corruption.
     */
    static final class Input {
        final ByteBuffer buffer;
        private final String[] table;

        Input(ByteBuffer buffer) throws IOException {
            this.buffer = buffer;
            int[] lengths = ints();
            table = new String[lengths.length];
            byte[] bytes = buffer.array();
            int at = buffer.arrayOffset() + buffer.position();
            for (int i = 0; i < table.length; i++) {
                table[i] = new String(bytes, at, lengths[i], StandardCharsets.UTF_8);
                at += lengths[i];
            }
            buffer.position(at - buffer.arrayOffset());
        }

        /** A count or array length, which cannot exceed the bytes left. */
        int count() throws IOException {
            int count = buffer.getInt();
            if (count < 0 || count > buffer.remaining()) {
                throw new IOException("corrupted screening index snapshot: count " + count);
            }
            return count;
        }

        int unsignedByte() {
            return Byte.toUnsignedInt(buffer.get());
        }

        String string() throws IOException {
            int id = buffer.getInt();
            if (id < 0 || id >= table.length) {
                throw new IOException("corrupted screening index snapshot: string " + id + " of " + table.length);
            }
            return table[id];
        }

        String[] stringArray() throws IOException {
            String[] out = new String[count()];
            for (int i = 0; i < out.length; i++) {
                out[i] = string();
            }
            return out;
        }

        List<String> strings() throws IOException {
            return Arrays.asList(stringArray());
        }

        int[] ints() throws IOException {
            int[] out = new int[count()];
            buffer.asIntBuffer().get(out);
            buffer.position(buffer.position() + Integer.BYTES * out.length);
            return out;
        }

        byte[] bytes() throws IOException {
            byte[] out = new byte[count()];
            buffer.get(out);
            return out;
        }

        double[] doubles() throws IOException {
            double[] out = new double[count()];
            buffer.asDoubleBuffer().get(out);
            buffer.position(buffer.position() + Double.BYTES * out.length);
            return out;
        }

        boolean[] booleans() throws IOException {
            byte[] bytes = bytes();
            boolean[] out = new boolean[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                out[i] = bytes[i] != 0;
            }
            return out;
        }
    }
}
