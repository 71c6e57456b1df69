namespace Sendense.Core.VMs;

/// <summary>
/// What the VM use cases need from the hub's vm_replication_contexts and vm_disks tables. Implemented over MariaDB
/// in Sendense.Hub (VMStore, SQL beside it); faked in xUnit.
/// </summary>
public interface IVMStore
{
    /// <summary>The hub, for messages ("user@server:port/db").</summary>
    public string Hub { get; }

    /// <summary>
    /// The VMs the query may match, ordered by name, with their group names: one query. Patterns narrow it with = or
    /// LIKE, which may let more through than the wildcard means; <see cref="VMService"/> decides with Wildcard.IsMatch.
    /// </summary>
    public Task<IReadOnlyList<VM>> QueryAsync(VMQuery query, CancellationToken cancellationToken);

    /// <summary>Like <see cref="QueryAsync"/>, each VM with why it is too busy to remove (null when it is free).</summary>
    public Task<IReadOnlyList<VMRemovalTarget>> QueryForRemovalAsync(VMQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the contexts in one statement whose WHERE repeats the busy rule unless <paramref name="force"/>, so a
    /// job that starts in between still protects its VM; the schema's cascades take disks, memberships and jobs.
    /// </summary>
    public Task<IReadOnlyDictionary<string, VMRemovalResult>> RemoveAsync(IReadOnlyList<string> contextIds, bool force, CancellationToken cancellationToken);

    /// <summary>Distinct values of a column starting with <paramref name="prefix"/> (literal text), for tab completion.</summary>
    public Task<IReadOnlyList<string>> CompleteAsync(VMColumn column, string prefix, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Opens one run of Add-SendenseVM: two connections, the database clock, the OSSEA config and the stored credential
    /// every new row records (<paramref name="credentialId"/> must exist and be active: VMCredentialUnusable otherwise).
    /// </summary>
    public Task<IVMAddSession> OpenAddSessionAsync(int? credentialId, CancellationToken cancellationToken);
}

/// <summary>
/// One run of Add-SendenseVM against the hub. Reading what the hub knows about a batch and writing a batch each have
/// a connection, so the next batch can be read while one is written; one read and one write at a time.
/// </summary>
public interface IVMAddSession : IDisposable
{
    /// <summary>The database server's clock (read at open, advanced by a monotonic stopwatch).</summary>
    public DateTime DatabaseNow { get; }

    /// <summary>
    /// What the hub knows about the batch, in one round trip and one consistent snapshot, taking no locks. Every
    /// comparison is made by MariaDB with the columns' own collation.
    /// </summary>
    public Task<VMAddFacts> ReadFactsAsync(IReadOnlyList<VMAddCandidate> batch, VMAddLane lane, CancellationToken cancellationToken);

    /// <summary>Builds the batch's one transaction without sending it (so it can be built while the previous batch is written).</summary>
    public VMAddWrite Prepare(IReadOnlyList<VMAddDecision> decisions);

    /// <summary>
    /// Sends a prepared batch as one transaction; a failure rolls it back before the connection is reused. A
    /// <see cref="VMWriteRejectedException"/> says the batch lost a race (plan again) or one VM's data was refused
    /// (split the batch); any other failure is a SendenseException.
    /// </summary>
    public Task WriteAsync(VMAddWrite write, CancellationToken cancellationToken);
}

/// <summary>Which of the session's two connections a read uses.</summary>
public enum VMAddLane
{
    /// <summary>The look-ahead connection: reading batch i+1 while batch i is written.</summary>
    LookAhead,

    /// <summary>The write connection: re-reading a batch that lost a race, between its attempts.</summary>
    Write,
}
