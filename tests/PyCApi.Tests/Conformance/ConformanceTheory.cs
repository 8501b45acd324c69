using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace PyCApi.Tests.Conformance;

/// <summary>
/// A theory whose cases are named by their first argument alone ("int_basic" rather than
/// "Run(name: \"int_basic\")"), so that a conformance case reads as its folder name in
/// test results and can be picked with --filter "DisplayName=int_basic".
/// </summary>
[XunitTestCaseDiscoverer("PyCApi.Tests.Conformance.NamedTheoryDiscoverer", "PyCApi.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NamedTheoryAttribute : TheoryAttribute
{
}

public sealed class NamedTheoryDiscoverer : TheoryDiscoverer
{
    public NamedTheoryDiscoverer(IMessageSink diagnosticMessageSink)
        : base(diagnosticMessageSink)
    {
    }

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions,
        ITestMethod testMethod,
        IAttributeInfo theoryAttribute,
        object[] dataRow)
    {
        yield return new NamedTestCase(
            DiagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod,
            dataRow);
    }
}

public sealed class NamedTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public NamedTestCase()
    {
    }

    public NamedTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        object[] testMethodArguments)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) =>
        TestMethodArguments is { Length: > 0 } args && args[0] is string name ? name : displayName;
}
