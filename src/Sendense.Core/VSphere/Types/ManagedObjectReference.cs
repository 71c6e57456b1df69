namespace Sendense.Core.VSphere.Types;

/// <summary>
/// A reference to a managed object: its type (VirtualMachine, Folder...) and its id (vm-123). Ids are opaque strings,
/// unique per vCenter only, and never parsed (the simulator uses file paths as datastore ids).
/// </summary>
public readonly struct ManagedObjectReference : IEquatable<ManagedObjectReference>
{
    /// <summary>Creates a reference.</summary>
    public ManagedObjectReference(string type, string value)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Value = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The managed object type, e.g. VirtualMachine.</summary>
    public string Type { get; }

    /// <summary>The id, e.g. vm-123.</summary>
    public string Value { get; }

    /// <summary>True for the default value (no reference).</summary>
    public bool IsEmpty => Value is null;

    /// <inheritdoc />
    public bool Equals(ManagedObjectReference other) =>
        string.Equals(Value, other.Value, StringComparison.Ordinal) && string.Equals(Type, other.Type, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ManagedObjectReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value is null ? 0 : Value.GetHashCode() * 31 + Type.GetHashCode();

    /// <summary>Equality.</summary>
    public static bool operator ==(ManagedObjectReference left, ManagedObjectReference right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ManagedObjectReference left, ManagedObjectReference right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsEmpty ? string.Empty : Type + ":" + Value;
}
