using MySqlConnector;

namespace Sendense.Hub.Common;

/// <summary>How <see cref="SqlText.Value(string)"/> puts a value into a statement.</summary>
internal enum SqlValues
{
    /// <summary>As a parameter: the driver escapes it.</summary>
    Parameters,

    /// <summary>
    /// As a literal escaped here for the session's sql_mode: for the bulk statements of Add-SendenseVM (hundreds of
    /// thousands of values per run, where the driver's per-parameter work costs more than the server's).
    /// </summary>
    Literals,
}

/// <summary>
/// Builds one (multi-statement) command: SQL text plus its parameters. Literals are escaped for the session's actual
/// sql_mode: with NO_BACKSLASH_ESCAPES only quotes are doubled, otherwise backslashes, quotes and NUL are escaped as
/// MariaDB's own client library does. The text goes to the server as UTF-8 on a utf8mb4 connection, where neither
/// rule can be confused by a multi-byte character.
/// </summary>
internal sealed class SqlText
{
    private readonly StringBuilder _text = new StringBuilder(4096);
    private readonly MySqlCommand _command;
    private readonly SqlValues _values;
    private readonly bool _noBackslashEscapes;
    private int _next;

    internal SqlText(MySqlCommand command, SqlValues values = SqlValues.Parameters, bool noBackslashEscapes = false)
    {
        _command = command;
        _values = values;
        _noBackslashEscapes = noBackslashEscapes;
    }

    /// <summary>Appends SQL written by this module (never user data).</summary>
    internal SqlText Sql(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder, for use in one or several places.</summary>
    internal string Parameter(object? value)
    {
        string name = "@p" + _next.ToString(CultureInfo.InvariantCulture);
        _next++;
        _command.Parameters.Add(new MySqlParameter(name, value ?? DBNull.Value));
        return name;
    }

    /// <summary>Appends a string value (or NULL).</summary>
    internal SqlText Value(string? value)
    {
        if (_values == SqlValues.Parameters)
        {
            _text.Append(Parameter(value));
            return this;
        }

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

    /// <summary>Appends an integer value (or NULL). Integers need no escaping, so they are always inline.</summary>
    internal SqlText Value(long? value)
    {
        _text.Append(value.HasValue ? value.Value.ToString(CultureInfo.InvariantCulture) : "NULL");
        return this;
    }

    /// <summary>Appends a DATETIME value with milliseconds (inline: the format is ours).</summary>
    internal SqlText Value(DateTime value)
    {
        _text.Append('\'').Append(value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)).Append('\'');
        return this;
    }

    /// <summary>Appends a TIMESTAMP(0) value: whole seconds (inline).</summary>
    internal SqlText Seconds(DateTime value)
    {
        _text.Append('\'').Append(value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append('\'');
        return this;
    }

    /// <summary>Writes the text into the command.</summary>
    internal MySqlCommand Build()
    {
        _command.CommandText = _text.ToString();
        return _command;
    }
}
