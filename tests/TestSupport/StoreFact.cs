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

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _inner = new(diagnosticMessageSink);

    /// <inheritdoc/>
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        if (type is not null && typeof(IPostgresTests).IsAssignableFrom(type) && TestPostgres.SkipReason is { } reason)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)];
        }
        return _inner.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
