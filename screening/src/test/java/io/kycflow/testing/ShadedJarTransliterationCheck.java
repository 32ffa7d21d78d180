package io.kycflow.testing;

import io.kycflow.matching.NameNormalizer;
import io.kycflow.sanctions.SanctionsData;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proves that a function's shaded artifact, from which ICU4J's unused data is filtered (functions/pom.xml), still
 * normalises and transliterates names of every script exactly as the full library does: a probe runs in a fresh
 * JVM on the artifact alone ({@link Probe}) and prints each name normalised; the test compares that with this JVM, which has the whole
 * of ICU4J on its class path. A resource the artifact lacks shows as an exception or a different line.
 *
 * <p>Run by the functions that carry ICU4J, after packaging (the surefire execution {@code shaded-jar-check}, which
 * names the artifact in {@code kycflow.shaded.jar}); skipped elsewhere.
 */
public class ShadedJarTransliterationCheck {
    /** Names in every script the matching meets, some in several languages of one script. */
    static final List<String> NAMES = List.of(
            "Владимир Владимирович Путин", "Володимир Зеленський", "Александар Вучић", "Бойко Борисов",
            "محمد بن سلمان", "علی خامنه‌ای", "عمران خان", "حسن نصرالله",
            "习近平", "金正恩", "毛澤東", "李顯龍",
            "김정은", "문재인",
            "Αλέξης Τσίπρας", "Κυριάκος Μητσοτάκης",
            "בנימין נתניהו", "יצחק רבין",
            "ウラジーミル・プーチン", "やまだ たろう", "安倍晋三",
            "ประยุทธ์ จันทร์โอชา", "ทักษิณ ชินวัตร",
            "नरेन्द्र मोदी", "व्लादिमीर पुतिन",
            "শেখ হাসিনা", "மு. கருணாநிதி", "ਭਗਤ ਸਿੰਘ",
            "მიხეილ სააკაშვილი", "Նիկոլ Փաշինյան",
            "ហ៊ុន សែន", "ທອງລຸນ ສີສຸລິດ", "အောင်ဆန်းစုကြည်", "ዐቢይ አሕመድ",
            "Nguyễn Tấn Dũng", "Lech Wałęsa", "Recep Tayyip Erdoğan", "Straße", "MEHMOOD, Dr. Bashir Uddin");

    /**
     * The probe: reads names (UTF-8, one a line) and prints each normalised, in the artifact's own JVM. A class of its
     * own, so that its JVM needs nothing of JUnit.
     */
    public static final class Probe {
        private Probe() {
        }

        public static void main(String[] args) throws IOException {
            NameNormalizer normalizer = new NameNormalizer();
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String name = in.readLine(); name != null; name = in.readLine()) {
                out.println(normalizer.normalize(name).asWritten());
            }
        }
    }

    @Test
    void theShadedArtifactNormalisesEveryScriptAsTheFullLibrary() throws Exception {
        String artifact = System.getProperty("kycflow.shaded.jar");
        assumeTrue(artifact != null, "kycflow.shaded.jar is set by the functions' shaded-jar-check execution; skipped");
        Path jar = Path.of(artifact);
        assertTrue(Files.isRegularFile(jar), "no artifact at " + jar);

        List<String> names = names();
        NameNormalizer normalizer = new NameNormalizer();
        List<String> expected = names.stream().map(n -> normalizer.normalize(n).asWritten()).toList();
        List<String> actual = runProbe(jar, names);

        for (int i = 0; i < names.size(); i++) {
            assertFalse(expected.get(i).isBlank(), "the full library gives nothing for " + names.get(i));
            assertEquals(expected.get(i), i < actual.size() ? actual.get(i) : null, "normalised in the artifact: " + names.get(i));
        }
        assertEquals(names.size(), actual.size());
    }

    /** {@link #NAMES}, then the names of the matching data sets when they are there. */
    private static List<String> names() throws IOException {
        Set<String> names = new LinkedHashSet<>(NAMES);
        Path dir;
        try {
            dir = SanctionsData.nameMatchingDir();
        } catch (TestAbortedException absent) {
            return List.copyOf(names); // without the data sets, the names above still cover every script
        }
        for (String line : Files.readAllLines(dir.resolve("putin_name_variants.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.strip());
            }
        }
        for (String line : Files.readAllLines(dir.resolve("cross_script_pairs.csv"))) {
            String[] fields = line.split(",");
            if (fields.length >= 2 && !line.startsWith("#") && !fields[0].equals("Query")) {
                names.add(fields[0].strip());
                names.add(fields[1].strip());
            }
        }
        names.removeIf(String::isBlank);
        return new ArrayList<>(names);
    }

    /** The probe on the artifact alone (plus this class): no other class path entry supplies ICU4J or kycflow. */
    private static List<String> runProbe(Path jar, List<String> names) throws Exception {
        Path probe = Path.of(ShadedJarTransliterationCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path stderr = Files.createTempFile("shaded-jar-check", ".err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar + java.io.File.pathSeparator + probe, Probe.class.getName())
                .redirectError(stderr.toFile()).start();
        try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String name : names) {
                in.write(name + "\n");
            }
        }
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the probe did not finish");
        assertEquals(0, process.exitValue(), "the probe failed on the artifact: " + Files.readString(stderr));
        Files.delete(stderr);
        return lines;
    }
}
