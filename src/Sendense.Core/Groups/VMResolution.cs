namespace Sendense.Core.Groups;

/// <summary>The outcome of looking VM references up in the hub: the VMs found (in input order, each once) and the problems.</summary>
public sealed class VMResolution
{
    /// <summary>Creates a resolution.</summary>
    public VMResolution(IReadOnlyList<ManagedVMKey> vms, IReadOnlyList<(VMReference Reference, ManagedVMKey VM)> matches,
        IReadOnlyList<VMReferenceProblem> problems)
    {
        VMs = vms;
        Matches = matches;
        Problems = problems;
    }

    /// <summary>An empty resolution.</summary>
    public static VMResolution Empty { get; } = new VMResolution(Array.Empty<ManagedVMKey>(),
        Array.Empty<(VMReference, ManagedVMKey)>(), Array.Empty<VMReferenceProblem>());

    /// <summary>The distinct VMs found, in the order they were first given.</summary>
    public IReadOnlyList<ManagedVMKey> VMs { get; }

    /// <summary>Every reference that was found, with its VM (duplicates included).</summary>
    public IReadOnlyList<(VMReference Reference, ManagedVMKey VM)> Matches { get; }

    /// <summary>References that were not found or were ambiguous.</summary>
    public IReadOnlyList<VMReferenceProblem> Problems { get; }
}
