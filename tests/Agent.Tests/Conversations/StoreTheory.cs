using FrontDesk.TestSupport;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FrontDesk.Agent.Tests.Conversations;

/// <summary>
/// A theory that runs on every store: like <see cref="StoreFactAttribute"/>, skipped with the reason in a class marked
/// <see cref="IPostgresTests"/> when PostgreSQL is not installed locally, never skipped under CI.
/// </summary>
[XunitTestCaseDiscoverer("FrontDesk.Agent.Tests.Conversations.StoreTheoryDiscoverer", "FrontDesk.Agent.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>Discovers <see cref="StoreTheoryAttribute"/> tests.</summary>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _inner = new(diagnosticMessageSink);

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
