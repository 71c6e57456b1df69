namespace Sendense.Core.VMs;

/// <summary>Why the hub refused a batch in a way the add itself resolves.</summary>
public enum VMWriteRejection
{
    /// <summary>Another writer got there first (a unique key now taken, a deadlock, a vanished row): plan again.</summary>
    Conflict,

    /// <summary>A row lock was held by another session for the whole lock wait: plan again, within the total wait.</summary>
    LockWait,

    /// <summary>The server refused one VM's value (too long, invalid, a CHECK): split the batch to isolate it.</summary>
    RowData,

    /// <summary>
    /// The write connection was lost before the batch's COMMIT was confirmed. The store opened a new connection; the
    /// batch is planned again from what the hub committed (so a batch that did land is not written twice).
    /// </summary>
    ConnectionLost,
}

/// <summary>A batch the store rolled back for a reason the add resolves by planning again or by splitting.</summary>
public sealed class VMWriteRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VMWriteRejectedException(VMWriteRejection rejection, string serverMessage, Exception? innerException = null)
        : base(serverMessage, innerException)
    {
        Rejection = rejection;
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public VMWriteRejectedException()
        : this(VMWriteRejection.Conflict, string.Empty)
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public VMWriteRejectedException(string message)
        : this(VMWriteRejection.Conflict, message)
    {
    }

    /// <summary>Creates the exception (for serializers and analyzers).</summary>
    public VMWriteRejectedException(string message, Exception innerException)
        : this(VMWriteRejection.Conflict, message, innerException)
    {
    }

    /// <summary>What resolves it.</summary>
    public VMWriteRejection Rejection { get; }
}
