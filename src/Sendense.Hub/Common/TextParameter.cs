using MySqlConnector;

namespace Sendense.Hub.Common;

/// <summary>
/// A text parameter with its type given up front: inferring the type from the value costs the driver a linear search
/// of its type table per parameter (about 0.2 s of a 10,000-VM add's 210,000 text values; docs/benchmarks.md).
/// </summary>
internal static class TextParameter
{
    /// <summary>A named (or, without a name, positional) VARCHAR parameter; null becomes SQL NULL.</summary>
    internal static MySqlParameter Of(string? value, string? name = null)
    {
        var parameter = new MySqlParameter { MySqlDbType = MySqlDbType.VarChar, Value = (object?)value ?? DBNull.Value };
        if (name is not null)
        {
            parameter.ParameterName = name;
        }

        return parameter;
    }
}
