using System.Data.Common;
using MySqlConnector;

namespace Sendense.Hub.Connection;

/// <summary>
/// Names what is wrong in a connection string the driver refused: which option it does not know, or which option's
/// value it cannot use. The driver's own message quotes the string (and with it any password), and a shortened form
/// of it said only "Option." or "Invalid value.": here each option is tried on its own, and only its name is shown,
/// never a value.
/// </summary>
internal static class ConnectionStringProblem
{
    internal static string Describe(string connectionString, ArgumentException refused)
    {
        var parsed = new DbConnectionStringBuilder();
        try
        {
            parsed.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return "it is not a list of key=value pairs separated by semicolons (check quotes and '=' signs).";
        }

        foreach (string key in parsed.Keys.Cast<string>())
        {
            string? problem = Check(AsTyped(connectionString, key), parsed[key]);
            if (problem is not null)
            {
                return problem;
            }
        }

        return refused is null ? "the driver refused it." : "the driver refused it as a whole; check the options one by one.";
    }

    // The parser lower-cases keys; show the key as the user typed it.
    private static string AsTyped(string connectionString, string key)
    {
        System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(connectionString,
            @"(?:^|;)\s*(" + System.Text.RegularExpressions.Regex.Escape(key) + @")\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return match.Success ? match.Groups[1].Value : key;
    }

    private static string? Check(string key, object? value)
    {
        var builder = new MySqlConnectionStringBuilder();
        try
        {
            // A known option reads as its default; an unknown one throws.
            _ = builder[key];
        }
        catch (ArgumentException)
        {
            return $"the option '{key}' is not one MariaDB connections know (see the MySqlConnector connection options).";
        }

        try
        {
            builder[key] = value;
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return $"the option '{key}' has a value it cannot use (for example, Port takes a number from 1 to 65535).";
        }
    }
}
