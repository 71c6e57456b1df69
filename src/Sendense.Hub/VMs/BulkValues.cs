namespace Sendense.Hub.VMs;

/// <summary>
/// How Add-SendenseVM's bulk statements carry their values: as literals escaped by the module (the default), or as
/// the driver's parameters. docs/benchmarks.md measures both on the same 10,000-VM add; the environment variable
/// SENDENSE_BULK_VALUES=parameters switches for that measurement (and as a fallback should a server ever read the
/// escaping differently).
/// </summary>
internal static class BulkValues
{
    internal const string Variable = "SENDENSE_BULK_VALUES";

    internal static SqlValues Mode =>
        string.Equals(Environment.GetEnvironmentVariable(Variable), "parameters", StringComparison.OrdinalIgnoreCase)
            ? SqlValues.Parameters
            : SqlValues.Literals;
}
