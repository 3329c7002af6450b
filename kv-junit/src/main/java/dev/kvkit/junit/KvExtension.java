package dev.kvkit.junit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kvkit.KvBinding;
import dev.kvkit.KvJsonCodec;
import dev.kvkit.fake.FakeKvLocation;
import dev.kvkit.fake.FakeKvNamespace;
import dev.kvkit.fake.KvLimits;
import dev.kvkit.fake.TestClock;
import dev.kvkit.fake.WranglerConfig.KvNamespaceBinding;
import dev.kvkit.internal.BindingChecks;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The extension behind {@link KvNamespace} and {@link KvTest}. Those annotations register it on
 * their own; register it yourself only to configure it in code, in a {@code static} field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KvExtension kv = KvExtension.builder()
 *         .clockStart(Instant.parse("2030-01-01T00:00:00Z"))
 *         .limits(KvLimits.jsonNative())
 *         .enforceWriteRate(true)
 *         .build();
 * }</pre>
 *
 * <p>The builder's options are those of {@link KvTest}, with the same precedence: they win over the
 * configuration parameters and lose to an attribute of {@link KvNamespace}. A class that sets one
 * option both here and in {@link KvTest} to different values is refused.
 *
 * <p>Everything the extension keeps lives in JUnit's {@link ExtensionContext.Store}, so one instance
 * serves any number of classes and tests running in parallel. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KvExtension
        implements BeforeAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                TestInstantiationAwareExtension {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KvExtension.class);

    private static final String ALLOWED_TYPES = FakeKvNamespace.class.getName() + ", " + FakeKvLocation.class.getName()
            + " or " + KvBinding.class.getName();

    /** The settings of a programmatic registration; {@code null} when registered by an annotation. */
    private final Settings settings;

    /** Used by JUnit for {@code @ExtendWith(KvExtension.class)}, which the annotations carry. */
    private KvExtension() {
        this(null);
    }

    private KvExtension(Settings settings) {
        this.settings = settings;
    }

    /**
     * Returns a builder for an extension to register with {@code @RegisterExtension} on a {@code
     * static} field.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Says that parameters of constructors are resolved in the context of the test they are created
     * for, so a constructor parameter is per test like an instance field.
     *
     * @param rootContext the engine's root context
     * @return {@link ExtensionContextScope#TEST_METHOD}
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    /**
     * Fills the test class's static {@link KvNamespace} and {@link KvClock} fields with class-wide
     * values.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (defersToRegisteredInstance(context)) {
            return;
        }
        injectFields(context, context.getRequiredTestClass(), null, ModifierFilter.STATIC);
    }

    /**
     * Fills the instance {@link KvNamespace} and {@link KvClock} fields of the test instance and of
     * its enclosing instances ({@code @Nested}) with the test's values.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        if (defersToRegisteredInstance(context)) {
            return;
        }
        checkNotSharedAcrossConcurrentTests(context);
        abortWithoutCredentialsForRemoteParameters(context);
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            injectFields(context, instance.getClass(), instance, ModifierFilter.INSTANCE);
        }
    }

    /**
     * Publishes the contents of every namespace a failed test could reach as report entries named
     * {@code kvkit.namespace.<binding>}, and attaches them to the failure as a suppressed exception,
     * so they are printed under it.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (defersToRegisteredInstance(context)
                || context.getExecutionException().isEmpty()) {
            return;
        }
        StringBuilder dump = new StringBuilder();
        for (NamespaceHandle handle : NamespaceScopes.visible(context)) {
            String contents = NamespaceReport.contents(handle);
            context.publishReportEntry(NamespaceReport.key(handle), contents);
            dump.append(dump.length() == 0 ? "" : "\n").append(contents);
        }
        if (dump.length() > 0) {
            attachOnce(context.getExecutionException().get(), dump.toString());
        }
    }

    /**
     * Attaches the contents to the failure as a suppressed exception: Surefire shows report entries
     * nowhere, and a suppressed exception is printed under the failure itself by Surefire, Gradle
     * and every IDE. One failure can be thrown by many tests (a misconfigured declaration fails every
     * test of its class with the same exception, and tests may run at once), so it carries the
     * contents of the first test that reports it and never grows with each further test.
     */
    private static void attachOnce(Throwable failure, String contents) {
        // Throwable.addSuppressed locks the throwable too, so this check and add are one step.
        synchronized (failure) {
            for (Throwable suppressed : failure.getSuppressed()) {
                if (suppressed instanceof NamespaceReport.Contents) {
                    return;
                }
            }
            failure.addSuppressed(new NamespaceReport.Contents(contents));
        }
    }

    /**
     * Claims every {@link KvNamespace} and {@link KvClock} parameter, whatever its type (a wrong type
     * gets a message in {@link #resolveParameter}), and every {@link TestClock} parameter.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context it is resolved in
     * @return whether this extension resolves the parameter
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (defersToRegisteredInstance(extensionContext)) {
            return false;
        }
        return Declarations.of(parameterContext, extensionContext).claimed();
    }

    /**
     * Returns the namespace of the parameter's binding name in the scope the parameter belongs to (or
     * one of its locations, as the annotation asks), or the scope's clock.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context it is resolved in
     * @return the namespace, a location of it, or the clock
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Declarations.OfParameter declared = Declarations.of(parameterContext, extensionContext);
        String element = declared.element();
        Optional<KvNamespace> annotation = declared.namespace();
        Settings resolved = Settings.resolve(extensionContext, settings);
        Optional<KvApi> api = declared.api();
        if (api.isPresent()) {
            if (!ServerScopes.isInjectable(parameter.getType())) {
                throw new ParameterResolutionException("Can only resolve @KvApi parameter of type " + API_TYPES
                        + " but was: " + parameter.getType().getName() + ": " + element);
            }
            return ServerScopes.view(
                    ServerScopes.server(extensionContext, api.get(), resolved, "@KvApi " + element),
                    parameter.getType());
        }
        if (annotation.isEmpty()) {
            if (!isClockType(parameter.getType())) {
                throw new ParameterResolutionException("Can only resolve @KvClock parameter of type " + CLOCK_TYPES
                        + " but was: " + parameter.getType().getName() + ": " + element);
            }
            return NamespaceScopes.requestedClock(extensionContext, resolved, element);
        }
        if (!isInjectable(parameter.getType())) {
            throw new ParameterResolutionException("Can only resolve @KvNamespace parameter of type " + ALLOWED_TYPES
                    + " but was: " + parameter.getType().getName() + ": " + element);
        }
        NamespaceDeclaration declaration = Declarations.declaration(
                extensionContext, parameter, parameterContext.getIndex(), annotation.get(), element);
        Optional<KvNamespaceBinding> wrangler = WranglerBindings.check(declaration, resolved, extensionContext);
        if (RemoteBindings.isRemote(declaration, () -> wrangler, parameter.getType())) {
            return RemoteBindings.binding(
                    extensionContext, declaration, wrangler, parameter.getType(), ParameterResolutionException::new);
        }
        checkLocationType(declaration, parameter.getType(), ParameterResolutionException::new);
        return BindingMode.view(
                extensionContext,
                declaration,
                NamespaceScopes.namespace(extensionContext, declaration, resolved, wrangler),
                parameter.getType(),
                resolved);
    }

    private void injectFields(ExtensionContext context, Class<?> type, Object instance, ModifierFilter filter) {
        Settings resolved = Settings.resolve(context, settings);
        Declarations.OfFields declared = Declarations.fields(context, type, filter == ModifierFilter.STATIC);
        if (declared.namespaces().isEmpty()
                && declared.clocks().isEmpty()
                && declared.apis().isEmpty()) {
            return;
        }
        for (Declarations.AnnotatedField<KvNamespace> declaredField : declared.namespaces()) {
            Field field = declaredField.field();
            String element = "field [" + field + "]";
            checkAssignable(field, element);
            checkUnset(context, field, instance, "@KvNamespace");
            NamespaceDeclaration declaration = Declarations.declaration(context, declaredField, element);
            Optional<KvNamespaceBinding> wrangler = WranglerBindings.check(declaration, resolved, context);
            if (RemoteBindings.isRemote(declaration, () -> wrangler, field.getType())) {
                set(
                        field,
                        instance,
                        RemoteBindings.binding(
                                context, declaration, wrangler, field.getType(), ExtensionConfigurationException::new));
                continue;
            }
            checkLocationType(declaration, field.getType(), ExtensionConfigurationException::new);
            set(
                    field,
                    instance,
                    BindingMode.view(
                            context,
                            declaration,
                            NamespaceScopes.namespace(context, declaration, resolved, wrangler),
                            field.getType(),
                            resolved));
        }
        for (Declarations.AnnotatedField<KvClock> declaredField : declared.clocks()) {
            Field field = declaredField.field();
            String element = "@KvClock field [" + field + "]";
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(element + " must not be declared as final: the extension"
                        + " assigns it; remove final, or remove @KvClock to keep a clock of your own");
            }
            if (!isClockType(field.getType())) {
                throw new ExtensionConfigurationException("Can only inject @KvClock field of type " + CLOCK_TYPES
                        + " but was: " + field.getType().getName() + ": " + element);
            }
            checkUnset(context, field, instance, "@KvClock");
            set(field, instance, NamespaceScopes.requestedClock(context, resolved, element));
        }
        for (Declarations.AnnotatedField<KvApi> declaredField : declared.apis()) {
            Field field = declaredField.field();
            String element = "@KvApi field [" + field + "]";
            if (Modifier.isFinal(field.getModifiers())) {
                throw new ExtensionConfigurationException(element + " must not be declared as final");
            }
            if (!ServerScopes.isInjectable(field.getType())) {
                throw new ExtensionConfigurationException("Can only inject @KvApi field of type " + API_TYPES
                        + " but was: " + field.getType().getName() + ": " + element);
            }
            checkUnset(context, field, instance, "@KvApi");
            KvApi api = declaredField.annotation();
            set(
                    field,
                    instance,
                    ServerScopes.view(ServerScopes.server(context, api, resolved, element), field.getType()));
        }
        if (instance != null) {
            InjectedInstances.of(context).add(instance);
        }
    }

    private static final String API_TYPES = "dev.kvkit.server.KvApiServer, java.net.URI or java.lang.String";

    private static final String CLOCK_TYPES = TestClock.class.getName() + " or " + Clock.class.getName();

    private static boolean isClockType(Class<?> type) {
        return type == TestClock.class || type == Clock.class;
    }

    /**
     * An instance field must be empty when the extension first fills it: a value there is the user's
     * own (an initialiser), and the extension never overwrites it. With {@code Lifecycle.PER_CLASS}
     * one instance serves every test, so after the first the value there is the extension's own.
     */
    private static void checkUnset(ExtensionContext context, Field field, Object instance, String annotation) {
        if (instance == null || InjectedInstances.of(context).contains(instance)) {
            return;
        }
        Object value;
        try {
            value = ReflectionSupport.makeAccessible(field).get(instance);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("Could not read " + field, e);
        }
        if (value != null) {
            throw new ExtensionConfigurationException(annotation + " field [" + field + "] already holds " + value
                    + "; the extension does not overwrite a value you set. Remove the initialiser to get the"
                    + " extension's, or remove " + annotation + " to keep your own");
        }
    }

    /**
     * A remote parameter without credentials must abort the test, and an abort thrown while JUnit
     * resolves a parameter would be reported as a failure; so the parameters are looked at first.
     */
    private void abortWithoutCredentialsForRemoteParameters(ExtensionContext context) {
        Method method = context.getTestMethod().orElse(null);
        if (method == null || Declarations.namespaceParameters(context, method).isEmpty()) {
            return;
        }
        Settings resolved = Settings.resolve(context, settings);
        for (RemoteParameter remote : remoteParameters(context, method, resolved)) {
            RemoteBindings.binding(
                    context,
                    remote.declaration(),
                    remote.wrangler(),
                    remote.type(),
                    ExtensionConfigurationException::new);
        }
    }

    /** Which parameters of a test method are remote: the same for every test of it in a run. */
    @SuppressWarnings("unchecked")
    private static List<RemoteParameter> remoteParameters(ExtensionContext context, Method method, Settings resolved) {
        return RunCache.get(context, new RemoteParametersOf(method, resolved), List.class, () -> {
            List<RemoteParameter> remote = new ArrayList<>();
            for (Declarations.NamespaceParameter declared : Declarations.namespaceParameters(context, method)) {
                Parameter parameter = declared.parameter();
                NamespaceDeclaration declaration = Declarations.declaration(
                        context, parameter, declared.index(), declared.annotation(), declared.element());
                Optional<KvNamespaceBinding> wrangler = WranglerBindings.check(declaration, resolved, context);
                if (RemoteBindings.isRemote(declaration, () -> wrangler, parameter.getType())) {
                    remote.add(new RemoteParameter(declaration, wrangler, parameter.getType()));
                }
            }
            return List.copyOf(remote);
        });
    }

    private record RemoteParametersOf(Method method, Settings settings) {}

    private record RemoteParameter(
            NamespaceDeclaration declaration, Optional<KvNamespaceBinding> wrangler, Class<?> type) {}

    /** JUnit's switch for parallel execution; a node's mode says CONCURRENT even while it is off. */
    private static final String PARALLEL_ENABLED = "junit.jupiter.execution.parallel.enabled";

    /** PER_CLASS with methods running concurrently would hand every test the same field: refuse it. */
    private static void checkNotSharedAcrossConcurrentTests(ExtensionContext context) {
        if (context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                        != TestInstance.Lifecycle.PER_CLASS
                || context.getExecutionMode() != ExecutionMode.CONCURRENT
                || !context.getConfigurationParameter(PARALLEL_ENABLED, Boolean::parseBoolean)
                        .orElse(false)) {
            return;
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            Predicate<Field> instanceField = ModifierFilter.INSTANCE;
            List<Field> fields = ReflectionSupport.findFields(
                    instance.getClass(),
                    field -> instanceField.test(field)
                            && (AnnotationSupport.isAnnotated(field, KvNamespace.class)
                                    || AnnotationSupport.isAnnotated(field, KvClock.class)),
                    HierarchyTraversalMode.TOP_DOWN);
            if (!fields.isEmpty()) {
                throw new ExtensionConfigurationException("Field [" + fields.get(0) + "] of a"
                        + " @TestInstance(Lifecycle.PER_CLASS) class is one field for all its tests, and they run"
                        + " concurrently here: each test would overwrite the namespace or clock another is using."
                        + " Declare it as a parameter of the test method instead, make it static for one per"
                        + " class, or run the class in one thread with @Execution(ExecutionMode.SAME_THREAD)");
            }
        }
    }

    private static void checkAssignable(Field field, String element) {
        if (Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("@KvNamespace " + element + " must not be declared as final");
        }
        if (!isInjectable(field.getType())) {
            throw new ExtensionConfigurationException("Can only inject @KvNamespace field of type " + ALLOWED_TYPES
                    + " but was: " + field.getType().getName() + ": " + element);
        }
    }

    private static boolean isInjectable(Class<?> type) {
        return type == FakeKvNamespace.class || type == FakeKvLocation.class || type == KvBinding.class;
    }

    /**
     * A {@link FakeKvNamespace} is the namespace as its default location sees it, so it cannot stand
     * for another location; saying so beats injecting a view the declaration did not ask for.
     */
    private static void checkLocationType(
            NamespaceDeclaration declaration, Class<?> type, Function<String, RuntimeException> failure) {
        if (declaration.location() != null && type == FakeKvNamespace.class) {
            throw failure.apply(declaration.describe() + " cannot be of type " + FakeKvNamespace.class.getName()
                    + ", which is the namespace seen from its default location; declare it as "
                    + KvBinding.class.getName() + " or " + FakeKvLocation.class.getName()
                    + " to see it from \"" + declaration.location() + "\"");
        }
    }

    private static void set(Field field, Object instance, Object value) {
        try {
            ReflectionSupport.makeAccessible(field).set(instance, value);
        } catch (IllegalAccessException e) {
            throw new ExtensionConfigurationException("Could not set " + field, e);
        }
    }

    /**
     * A class that registers a configured instance also gets the instance its annotations register;
     * that one stands aside, or both would claim the same parameters.
     */
    private boolean defersToRegisteredInstance(ExtensionContext context) {
        Optional<Field> registration = registrationField(context);
        registration.ifPresent(field -> {
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new ExtensionConfigurationException("KvExtension must be registered in a static field, so that"
                        + " it also serves static fields and @BeforeAll methods: field [" + field + "]");
            }
        });
        return settings == null && registration.isPresent();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Field> registrationField(ExtensionContext context) {
        Class<?> testClass = context.getTestClass().orElse(null);
        return RunCache.get(
                context, new RegistrationFieldOf(testClass), Optional.class, () -> findRegistrationField(testClass));
    }

    private record RegistrationFieldOf(Class<?> testClass) {}

    private static Optional<Field> findRegistrationField(Class<?> testClass) {
        Predicate<Field> registersKvExtension = field -> KvExtension.class.isAssignableFrom(field.getType())
                && AnnotationSupport.isAnnotated(field, RegisterExtension.class);
        for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
            List<Field> fields =
                    ReflectionSupport.findFields(type, registersKvExtension, HierarchyTraversalMode.TOP_DOWN);
            if (!fields.isEmpty()) {
                return Optional.of(fields.get(0));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "KvExtension[" + (settings == null ? "declarative" : settings) + "]";
    }

    private enum ModifierFilter implements Predicate<Field> {
        STATIC,
        INSTANCE;

        @Override
        public boolean test(Field field) {
            return Modifier.isStatic(field.getModifiers()) == (this == STATIC);
        }
    }

    /**
     * Builds a {@link KvExtension}; its options mirror {@link KvTest}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {

        private Instant clockStart;
        private Settings.WranglerLocation wranglerConfig;
        private String environment;
        private KvLimits limits;
        private Boolean enforceWriteRate;
        private Boolean listStressMode;
        private Boolean productionLike;
        private MapperSource mapper;

        private Builder() {}

        /**
         * Sets the instant every test's clock starts at, as {@link KvTest#clockStart()}.
         *
         * @param start the start instant
         * @return this builder
         */
        public Builder clockStart(Instant start) {
            this.clockStart = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * Uses the given wrangler configuration file, as {@link KvTest#wranglerConfig()}.
         *
         * @param file a {@code wrangler.toml}, {@code wrangler.json} or {@code wrangler.jsonc}
         * @return this builder
         */
        public Builder wranglerConfig(Path file) {
            this.wranglerConfig = Settings.WranglerLocation.file(file);
            return this;
        }

        /**
         * Uses no wrangler configuration, even if the project directory holds one: binding names are
         * not checked, as {@code @KvTest(wranglerConfig = "none")}.
         *
         * @return this builder
         */
        public Builder noWranglerConfig() {
            this.wranglerConfig = Settings.WranglerLocation.NONE;
            return this;
        }

        /**
         * Selects a wrangler environment, as {@link KvTest#environment()}.
         *
         * @param environment the environment, such as {@code "staging"}
         * @return this builder
         */
        public Builder environment(String environment) {
            Objects.requireNonNull(environment, "environment");
            if (environment.isBlank()) {
                throw new IllegalArgumentException("environment must not be blank");
            }
            this.environment = environment;
            return this;
        }

        /**
         * Sets the limits of every namespace, as {@link KvTest#limits()}, or a profile of your own.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(KvLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Switches Workers KV's write rate per key on or off for every namespace, as {@link
         * KvTest#enforceWriteRate()}: when on, a second write to one key within a second of the
         * clock fails with {@code KV PUT failed: 429 Too Many Requests}.
         *
         * @param enforce whether to enforce the write rate
         * @return this builder
         */
        public Builder enforceWriteRate(boolean enforce) {
            this.enforceWriteRate = enforce;
            return this;
        }

        /**
         * Switches the list stress mode on or off for every namespace, as {@link
         * KvTest#listStressMode()}: when on, list pages come back short or empty before the last.
         *
         * @param enabled whether list pages are shaped this way
         * @return this builder
         */
        public Builder listStressMode(boolean enabled) {
            this.listStressMode = enabled;
            return this;
        }

        /**
         * Switches on or off, for every namespace, everything production does that the fake leaves
         * off by default: the write rate and the list stress mode, as {@link
         * KvTest#productionLike()}. {@link #enforceWriteRate(boolean)} or {@link
         * #listStressMode(boolean)} set on this builder win over it.
         *
         * @param productionLike whether namespaces behave as production does
         * @return this builder
         */
        public Builder productionLike(boolean productionLike) {
            this.productionLike = productionLike;
            return this;
        }

        /**
         * Sets the mapper every namespace uses for JSON values and metadata, typically the one your
         * application configures, as {@link KvTest#objectMapper()}. The namespaces do not change it.
         * Replaces a {@link #jsonCodec} given before; the later of the two calls wins.
         *
         * @param objectMapper the mapper
         * @return this builder
         */
        public Builder objectMapper(ObjectMapper objectMapper) {
            this.mapper = MapperSource.of(Objects.requireNonNull(objectMapper, "objectMapper"));
            return this;
        }

        /**
         * Sets the codec every namespace uses for JSON values and metadata, for example over the
         * Jackson 3 {@code JsonMapper} your application configures:
         *
         * <pre>{@code
         * @RegisterExtension
         * static final KvExtension KV = KvExtension.builder()
         *         .jsonCodec(KvJsonCodec.jackson3(JsonConfig.jsonMapper()))
         *         .build();
         * }</pre>
         *
         * <p>Replaces an {@link #objectMapper} given before; the later of the two calls wins.
         *
         * @param jsonCodec the codec
         * @return this builder
         * @throws IllegalArgumentException when {@code jsonCodec} is null
         * @since 0.1.0
         */
        public Builder jsonCodec(KvJsonCodec jsonCodec) {
            this.mapper = MapperSource.of(BindingChecks.jsonCodec(jsonCodec));
            return this;
        }

        /**
         * Builds the extension.
         *
         * @return the extension, to assign to a {@code static} field annotated with {@code
         *     @RegisterExtension}
         */
        public KvExtension build() {
            return new KvExtension(new Settings(
                    clockStart,
                    wranglerConfig,
                    environment,
                    limits,
                    Settings.orProductionLike(enforceWriteRate, productionLike),
                    Settings.orProductionLike(listStressMode, productionLike),
                    mapper,
                    "KvExtension.builder()"));
        }
    }
}
