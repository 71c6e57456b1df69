using MySqlConnector;

namespace Sendense.Hub.Common;

/// <summary>
/// Builds one multi-statement command: SQL text plus its parameters. Values go in as parameters, or, for the bulk
/// statements of Add-SendenseVM (hundreds of thousands of values per run, where the driver's per-parameter work
/// costs more than the server's), as literals escaped here for the session's actual sql_mode: with
/// NO_BACKSLASH_ESCAPES only quotes are doubled, otherwise backslashes and quotes are escaped as MariaDB's own
/// client library does. The text goes to the server as UTF-8 on a utf8mb4 connection, where neither rule can be
/// confused by a multi-byte character.
/// </summary>
internal sealed class SqlText
{
    private readonly StringBuilder _text = new StringBuilder(4096);
    private readonly MySqlCommand _command;
    private readonly bool _noBackslashEscapes;
    private int _next;

    internal SqlText(MySqlCommand command, bool noBackslashEscapes = false)
    {
        _command = command;
        _noBackslashEscapes = noBackslashEscapes;
    }

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

    /// <summary>Appends a string literal (or NULL).</summary>
    internal SqlText Literal(string? value)
    {
        if (value is null)
        {
            _text.Append("NULL");
            return this;
        }

        _text.Append('\'');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\'':
                    _text.Append(_noBackslashEscapes ? "''" : "\\'");
                    break;
                case '\\':
                    _text.Append(_noBackslashEscapes ? "\\" : "\\\\");
                    break;
                case '\0':
                    _text.Append(_noBackslashEscapes ? "\0" : "\\0");
                    break;
                default:
                    _text.Append(c);
                    break;
            }
        }

        _text.Append('\'');
        return this;
    }

    /// <summary>Appends an integer literal (or NULL).</summary>
    internal SqlText Literal(long? value)
    {
        _text.Append(value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : "NULL");
        return this;
    }

    /// <summary>Appends a DATETIME literal with milliseconds.</summary>
    internal SqlText Literal(System.DateTime value)
    {
        _text.Append('\'').Append(value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append('\'');
        return this;
    }

    /// <summary>Writes the text into the command.</summary>
    internal MySqlCommand Build()
    {
        _command.CommandText = _text.ToString();
        return _command;
    }
}
