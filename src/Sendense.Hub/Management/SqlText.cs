using System.Globalization;
using System.Text;
using MySqlConnector;

namespace Sendense.Hub.Management;

/// <summary>
/// Builds one multi-statement command: SQL text plus its parameters. Every value travels as a parameter (never
/// spliced into the text), so names with quotes, backslashes, % or _ need no escaping here.
/// </summary>
internal sealed class SqlText
{
    private readonly StringBuilder _text = new StringBuilder(4096);
    private readonly MySqlCommand _command;
    private int _next;

    internal SqlText(MySqlCommand command)
    {
        _command = command;
    }

    /// <summary>The number of parameters added so far.</summary>
    internal int ParameterCount => _next;

    /// <summary>Appends literal SQL (statement text written by this module, never user data).</summary>
    internal SqlText Sql(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Adds a parameter and appends its placeholder.</summary>
    internal SqlText Value(object? value)
    {
        _text.Append(Parameter(value));
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder, for use in several places.</summary>
    internal string Parameter(object? value)
    {
        string name = "@p" + _next.ToString(CultureInfo.InvariantCulture);
        _next++;
        _command.Parameters.Add(new MySqlParameter(name, value ?? System.DBNull.Value));
        return name;
    }

    /// <summary>Writes the text into the command.</summary>
    internal MySqlCommand Build()
    {
        _command.CommandText = _text.ToString();
        return _command;
    }
}
