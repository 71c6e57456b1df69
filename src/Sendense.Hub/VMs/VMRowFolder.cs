using System.Runtime.CompilerServices;
using MySqlConnector;

namespace Sendense.Hub.VMs;

/// <summary>
/// Folds the one-row-per-(VM, group) result of VMQuerySql into VMs; rows arrive ordered by context.
/// The work of a row is its own small method, and the async loop only awaits and calls it: a loop over 10,000 rows is
/// hot, so the runtime recompiles the method that holds it while it runs (on-stack replacement), and recompiling a
/// whole state machine cost the first listing of a process 15-35 ms on the bench machine, against about 3 for this
/// loop (docs/benchmarks.md, "first call").
/// </summary>
internal sealed class VMRowFolder
{
    private readonly List<VM> _vms = new List<VM>();
    private readonly List<string> _groups = new List<string>();
    private readonly Action<VM, MySqlDataReader>? _extra;
    private VM? _current;

    private VMRowFolder(Action<VM, MySqlDataReader>? extra) => _extra = extra;

    internal static async Task<List<VM>> ReadAsync(MySqlDataReader reader, CancellationToken cancellationToken, Action<VM, MySqlDataReader>? extra = null)
    {
        var folder = new VMRowFolder(extra);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            folder.Add(reader);
        }

        folder.Finish();
        return folder._vms;
    }

    // Not inlined into the loop: inlined, it would be recompiled with it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Add(MySqlDataReader reader)
    {
        string contextId = reader.GetString(0);
        if (_current is null || !string.Equals(_current.ContextId, contextId, StringComparison.Ordinal))
        {
            Finish();
            _current = ContextColumns.Read(reader).ToVM();
            _extra?.Invoke(_current, reader);
            _vms.Add(_current);
        }

        if (!reader.IsDBNull(VMQuerySql.GroupOrdinal))
        {
            _groups.Add(reader.GetString(VMQuerySql.GroupOrdinal));
        }
    }

    private void Finish()
    {
        if (_current is not null && _groups.Count > 0)
        {
            _current.Groups = _groups.ToArray();
        }

        _groups.Clear();
    }
}
