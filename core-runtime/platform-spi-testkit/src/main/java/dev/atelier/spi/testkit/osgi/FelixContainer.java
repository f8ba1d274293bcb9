package dev.atelier.spi.testkit.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.streamBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import dev.atelier.spi.model.GenerationModel;
import dev.atelier.spi.testkit.TestCallbacks;
import dev.atelier.spi.testkit.TestGenerationContext;
import dev.atelier.spi.testkit.TestTenantContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The in-container test setup every plugin bundle shares: a Pax Exam native Felix with Declarative Services and, of the
 * host, nothing but platform-api; plus the assertions such a test makes about the bundle it installs.
 *
 * <p>A bundle's in-container test (a JUnit 4 class run by {@code PaxExam}) uses it like this:
 *
 * <pre>{@code
 * @RunWith(PaxExam.class)
 * @ExamReactorStrategy(PerClass.class)
 * public class MyBundleIT {
 *     @Inject
 *     private BundleContext context;
 *
 *     @Configuration
 *     public Option[] configuration() {
 *         return FelixContainer.options("atelier.it.bundle",
 *                 frameworkProperty("my.setting").value("x"));   // anything the bundle needs besides
 *     }
 *
 *     @Test
 *     public void startsWithOnlyPlatformApiFromTheHost() {
 *         Bundle bundle = FelixContainer.installedBundle(context, "dev.example.my.bundle");
 *         FelixContainer.assertActive(bundle);
 *         FelixContainer.assertImportsOnly(bundle, "dev.atelier.spi.", "java.");
 *         FelixContainer.assertExportsNothing(bundle);
 *     }
 * }
 * }</pre>
 *
 * <p>The bundles come as files, not Maven coordinates, so the test runs offline: the bundle's POM copies them with
 * {@code maven-dependency-plugin} in {@code pre-integration-test} and hands their places to the failsafe plugin as
 * system properties:
 *
 * <ul>
 *   <li>{@value #BUNDLES_PROPERTY}: a folder holding {@code org.osgi.util.function.jar},
 *       {@code org.osgi.util.promise.jar}, {@code org.osgi.service.component.jar}, {@code org.apache.felix.scr.jar}
 *       and {@code platform-api.jar} (copied with {@code stripVersion});
 *   <li>{@value #WORK_PROPERTY}: the container's working folder, for instance {@code target/pax-exam};
 *   <li>a property of the bundle's own choosing with the path of the built bundle jar, whose name is passed to
 *       {@link #options(String, Option...)}.
 * </ul>
 *
 * <p>The project needs {@code pax-exam-junit4}, {@code pax-exam-container-native}, {@code pax-exam-link-mvn},
 * {@code pax-url-aether}, {@code javax.inject}, {@code junit} and {@code org.apache.felix.framework} with test scope;
 * the test kit brings none of them.
 *
 * <p>The assertion methods run inside the container. The options provision this class there as a small bundle of its
 * own ({@link #helperBundle()}), which the test probe imports like any other package; it takes no part in what the
 * bundle under test is wired to. The assertions throw {@link AssertionError}, so they work with any test library.
 * The same bundle carries the test kit's contexts, so a test calls the plugin as the host would:
 *
 * <pre>{@code
 * model.generate(request, TestGenerationContext.create(TestTenantContext.withConfig(Map.of("api_key", "k")),
 *         Duration.ofSeconds(30)));
 * backend.put(key, content, size, "image/png", TestTenantContext.defaults());
 * }</pre>
 */
public final class FelixContainer {

    /** System property naming the folder that holds the system bundles and platform-api. */
    public static final String BUNDLES_PROPERTY = "atelier.it.bundles";

    /** System property naming the container's working folder. */
    public static final String WORK_PROPERTY = "atelier.it.work";

    /** The files, in {@value #BUNDLES_PROPERTY}, of Declarative Services and what it needs, in install order. */
    public static final List<String> SYSTEM_BUNDLES = List.of("org.osgi.util.function.jar",
            "org.osgi.util.promise.jar", "org.osgi.service.component.jar", "org.apache.felix.scr.jar");

    /** The file, in {@value #BUNDLES_PROPERTY}, of the host's API: the only host bundle a plugin may use. */
    public static final String PLATFORM_API = "platform-api.jar";

    /** Symbolic name of the platform-api bundle. */
    public static final String PLATFORM_API_SYMBOLIC_NAME = "dev.atelier.platform.api";

    private static final String HELPER_SYMBOLIC_NAME = "dev.atelier.spi.testkit.osgi";

    /** What the helper bundle carries into the container: the assertions and the contexts a plugin is called with. */
    private static final List<Class<?>> HELPER_CLASSES = List.of(FelixContainer.class, ModelBundleTest.class,
            TestTenantContext.class, TestGenerationContext.class, TestCallbacks.class);

    private FelixContainer() {}

    // ---------------------------------------------------------------------------------------------------------------
    // Options: run where Pax Exam reads the @Configuration method, outside the container.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Everything a plugin bundle's in-container test needs: {@link #logging()}, the working folder with clean caches,
     * the JUnit bundles, {@link #systemBundles()}, {@link #platformApi()}, {@link #helperBundle()}, then {@code extra}
     * (system or framework properties, further bundles), and last the bundle under test.
     *
     * @param bundleUnderTestProperty the system property holding the path of the built bundle jar
     * @param extra further options, for instance properties the bundle reads
     * @return the options to return from the {@code @Configuration} method
     */
    public static Option[] options(String bundleUnderTestProperty, Option... extra) {
        List<Option> all = new ArrayList<>();
        all.add(logging());
        all.add(workingDirectory(required(WORK_PROPERTY)));
        all.add(cleanCaches());
        all.add(junitBundles());
        all.add(systemBundles());
        all.add(platformApi());
        all.add(helperBundle());
        all.addAll(Arrays.asList(extra));
        all.add(bundleUnderTest(bundleUnderTestProperty));
        return org.ops4j.pax.exam.CoreOptions.options(all.toArray(Option[]::new));
    }

    /** Pax Exam's own logging down to warnings. */
    public static Option logging() {
        return systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN");
    }

    /** The OSGi function and promise utilities, the Declarative Services API and Felix SCR, in that order. */
    public static Option systemBundles() {
        return composite(SYSTEM_BUNDLES.stream().map(name -> bundle(itBundle(name))).toArray(Option[]::new));
    }

    /** The platform-api bundle. */
    public static Option platformApi() {
        return bundle(itBundle(PLATFORM_API));
    }

    /** The built bundle whose path is the value of the system property {@code property}. */
    public static Option bundleUnderTest(String property) {
        return bundle(new File(required(property)).toURI().toString());
    }

    /**
     * This class and the test contexts ({@link TestTenantContext}, {@link TestGenerationContext},
     * {@link TestCallbacks}) as a bundle of its own that exports {@code dev.atelier.spi.testkit.osgi} and
     * {@code dev.atelier.spi.testkit}, so that the assertions can be called and the contexts handed to a plugin inside
     * the container, as the host hands its own. Part of {@link #options(String, Option...)}.
     */
    public static Option helperBundle() {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", HELPER_SYMBOLIC_NAME);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Export-Package", FelixContainer.class.getPackageName() + ","
                + TestTenantContext.class.getPackageName());
        main.putValue("DynamicImport-Package", "*");
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, manifest)) {
            for (Class<?> type : HELPER_CLASSES) {
                addClass(out, type);
                for (Class<?> nested : type.getDeclaredClasses()) {
                    addClass(out, nested);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return streamBundle(new ByteArrayInputStream(jar.toByteArray()));
    }

    private static void addClass(JarOutputStream out, Class<?> type) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getResourceAsStream("/" + entry)) {
            if (in == null) {
                throw new IllegalStateException(entry + " is not readable");
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    /**
     * The URL of {@code name} in the folder of {@value #BUNDLES_PROPERTY}.
     *
     * @throws IllegalStateException if the file is missing, that is the test does not run through Maven
     */
    public static String itBundle(String name) {
        File file = new File(required(BUNDLES_PROPERTY), name);
        if (!file.isFile()) {
            throw new IllegalStateException(file + " is missing: run the in-container tests through Maven "
                    + "(mvn verify), which copies the test bundles in pre-integration-test");
        }
        return file.toURI().toString();
    }

    /**
     * The value of the system property {@code property}.
     *
     * @throws IllegalStateException if it is not set, that is the test does not run through Maven
     */
    public static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven (mvn verify)");
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Inside the container: finding bundles and services, reading manifests, assertions.
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The installed bundle named {@code symbolicName}.
     *
     * @throws AssertionError if there is none
     */
    public static Bundle installedBundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles())
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }

    /** The value of the manifest header {@code name} of {@code bundle}, or {@code null} if it has none. */
    public static String header(Bundle bundle, String name) {
        return bundle.getHeaders().get(name);
    }

    /** The bundle's {@code Import-Package} header, or an empty string if it imports nothing. */
    public static String importPackage(Bundle bundle) {
        String imports = header(bundle, "Import-Package");
        return imports == null ? "" : imports;
    }

    /**
     * The package names of the bundle's {@code Import-Package} header, without their attributes and directives.
     * Commas inside quoted values, such as version ranges, do not split.
     */
    public static List<String> importedPackages(Bundle bundle) {
        List<String> names = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (importPackage(bundle) + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                String name = clause.toString().split(";")[0].trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }

    /** Asserts that {@code bundle} is {@link Bundle#ACTIVE}. */
    public static void assertActive(Bundle bundle) {
        if (bundle.getState() != Bundle.ACTIVE) {
            throw new AssertionError(bundle.getSymbolicName() + " is not ACTIVE but in state " + bundle.getState());
        }
    }

    /** Asserts that the bundle's {@code Import-Package} header mentions each of {@code texts}. */
    public static void assertImportsMention(Bundle bundle, String... texts) {
        String imports = importPackage(bundle);
        for (String text : texts) {
            if (!imports.contains(text)) {
                throw new AssertionError("imports no " + text + ": " + imports);
            }
        }
    }

    /**
     * Asserts that the bundle's {@code Import-Package} header mentions none of {@code texts}, for instance libraries
     * the bundle embeds or the OSGi framework API a plugin has no use for.
     */
    public static void assertImportsNone(Bundle bundle, String... texts) {
        String imports = importPackage(bundle);
        for (String text : texts) {
            if (imports.contains(text)) {
                throw new AssertionError("imports " + text + ": " + imports);
            }
        }
    }

    /** Asserts that every package the bundle imports starts with one of {@code prefixes}, such as {@code "java."}. */
    public static void assertImportsOnly(Bundle bundle, String... prefixes) {
        for (String name : importedPackages(bundle)) {
            if (Arrays.stream(prefixes).noneMatch(name::startsWith)) {
                throw new AssertionError("imports " + name + ", outside " + Arrays.toString(prefixes));
            }
        }
    }

    /** Asserts that the bundle has no {@code Export-Package} header. */
    public static void assertExportsNothing(Bundle bundle) {
        String exports = header(bundle, "Export-Package");
        if (exports != null) {
            throw new AssertionError("no exports: " + exports);
        }
    }

    /**
     * Asserts that the bundle's imported packages are wired only to the framework (the JDK) and to the bundles named
     * {@code symbolicNames}, for instance {@link #PLATFORM_API_SYMBOLIC_NAME}.
     */
    public static void assertWiredOnlyTo(Bundle bundle, String... symbolicNames) {
        List<String> foreign = new ArrayList<>();
        for (BundleWire wire : bundle.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            Bundle provider = wire.getProvider().getBundle();
            if (provider.getBundleId() != 0 && !Arrays.asList(symbolicNames).contains(provider.getSymbolicName())) {
                foreign.add(wire.getCapability().getAttributes().get("osgi.wiring.package") + " from "
                        + provider.getSymbolicName());
            }
        }
        if (!foreign.isEmpty()) {
            throw new AssertionError("packages wired to other bundles: " + foreign);
        }
    }

    /** The references of the services of {@code type} whose service property {@code key} is {@code value}. */
    public static <S> Collection<ServiceReference<S>> serviceReferences(BundleContext context, Class<S> type,
            String key, String value) {
        try {
            return context.getServiceReferences(type, "(" + key + "=" + value + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The one service of {@code type} whose service property {@code key} is {@code value}, asserting that there is
     * exactly one and that {@code symbolicName} registered it.
     */
    public static <S> ServiceReference<S> onlyServiceReference(BundleContext context, Class<S> type, String key,
            String value, String symbolicName) {
        Collection<ServiceReference<S>> references = serviceReferences(context, type, key, value);
        if (references.size() != 1) {
            throw new AssertionError("expected 1 " + type.getName() + " with " + key + "=" + value + " but found "
                    + references.size());
        }
        ServiceReference<S> reference = references.iterator().next();
        assertRegisteredBy(reference, symbolicName);
        return reference;
    }

    /** Asserts that the bundle named {@code symbolicName} registered the service of {@code reference}. */
    public static void assertRegisteredBy(ServiceReference<?> reference, String symbolicName) {
        String registrant = reference.getBundle().getSymbolicName();
        if (!symbolicName.equals(registrant)) {
            throw new AssertionError("registered by " + registrant + ", not " + symbolicName);
        }
    }

    /**
     * Asserts that the {@link GenerationModel} services are exactly those with the descriptor ids {@code modelIds},
     * each registered by the bundle {@code symbolicName} and describing itself with that bundle's version or with
     * none (the host then lists it with the bundle's version), as the host expects of a model bundle.
     */
    public static void assertRegistersModels(BundleContext context, String symbolicName, String... modelIds) {
        Map<String, GenerationModel> models = services(context, GenerationModel.class,
                model -> model.descriptor().id());
        if (!models.keySet().equals(Set.of(modelIds))) {
            throw new AssertionError("models " + models.keySet() + ", not " + Arrays.toString(modelIds));
        }
        String version = installedBundle(context, symbolicName).getVersion().toString();
        for (String id : modelIds) {
            String described = models.get(id).descriptor().version();
            if (!described.isEmpty() && !version.equals(described)) {
                throw new AssertionError(id + " describes version " + described + ", not the bundle's " + version);
            }
        }
        for (ServiceReference<GenerationModel> reference : serviceReferences(context, GenerationModel.class)) {
            assertRegisteredBy(reference, symbolicName);
        }
    }

    private static <S> Collection<ServiceReference<S>> serviceReferences(BundleContext context, Class<S> type) {
        try {
            return context.getServiceReferences(type, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every service of {@code type}, by {@code key} of the service object (for instance its descriptor id). */
    public static <S> Map<String, S> services(BundleContext context, Class<S> type, Function<? super S, String> key) {
        Map<String, S> services = new HashMap<>();
        for (ServiceReference<S> reference : serviceReferences(context, type)) {
            S service = context.getService(reference);
            services.put(key.apply(service), service);
        }
        return services;
    }
}
