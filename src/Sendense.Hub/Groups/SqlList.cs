using System.Data;
using Dapper;

namespace Sendense.Hub.Groups;

/// <summary>Builds "(@p0,@p1,...)" lists with one parameter per value, so no value is ever spliced into SQL text.</summary>
internal static class SqlList
{
    internal static string In(DynamicParameters parameters, string prefix, IReadOnlyList<string> values)
    {
        var text = new StringBuilder(values.Count * (prefix.Length + 6) + 2);
        text.Append('(');
        for (int i = 0; i < values.Count; i++)
        {
            string name = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append('@').Append(name);
            parameters.Add(name, values[i], DbType.String);
        }

        return text.Append(')').ToString();
    }
}
