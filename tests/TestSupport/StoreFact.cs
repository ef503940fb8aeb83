using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FrontDesk.TestSupport;

/// <summary>Marks a test class whose tests run against PostgreSQL.</summary>
public interface IPostgresTests;

/// <summary>
/// A fact that runs on every store. In a class marked <see cref="IPostgresTests"/> it is skipped, with the
/// reason, when PostgreSQL is not installed locally; under CI it is never skipped (a missing server fails).
/// </summary>
[XunitTestCaseDiscoverer("FrontDesk.TestSupport.StoreFactDiscoverer", "FrontDesk.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A theory that runs on every store, skipped exactly as <see cref="StoreFactAttribute"/> is.</summary>
[XunitTestCaseDiscoverer("FrontDesk.TestSupport.StoreTheoryDiscoverer", "FrontDesk.TestSupport")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(diagnosticMessageSink);

    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.Discover(diagnosticMessageSink, discoveryOptions, testMethod) ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Discovers <see cref="StoreTheoryAttribute"/> tests.</summary>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(diagnosticMessageSink);

    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        StoreSkip.Discover(diagnosticMessageSink, discoveryOptions, testMethod) ?? _inner.Discover(discoveryOptions, testMethod, factAttribute);
}

internal static class StoreSkip
{
    /// <summary>The skipped case for a PostgreSQL test class when PostgreSQL is absent locally; null to run it.</summary>
    public static IEnumerable<IXunitTestCase>? Discover(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        return type is not null && typeof(IPostgresTests).IsAssignableFrom(type) && TestPostgres.SkipReason is { } reason
            ? [new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : null;
    }
}
