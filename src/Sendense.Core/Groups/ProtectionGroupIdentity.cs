namespace Sendense.Core.Groups;

/// <summary>
/// How a cmdlet's -Group parameter names a protection group: a name or id typed as text, or a ProtectionGroup object
/// from the pipeline (then its id is used, so the object keeps working after a rename). PowerShell converts the
/// argument with one of the constructors.
/// </summary>
public sealed class ProtectionGroupIdentity
{
    /// <summary>A group name or id as text (leading and trailing spaces are ignored).</summary>
    public ProtectionGroupIdentity(string value)
    {
        Value = (value ?? throw new ArgumentNullException(nameof(value))).Trim();
        if (Value.Length == 0)
        {
            throw new ArgumentException("A protection group name or id cannot be empty.", nameof(value));
        }
    }

    /// <summary>A group object, e.g. from Get-SendenseProtectionGroup.</summary>
    public ProtectionGroupIdentity(ProtectionGroup group)
    {
        if (group is null)
        {
            throw new ArgumentNullException(nameof(group));
        }

        if (string.IsNullOrEmpty(group.Id))
        {
            throw new ArgumentException("The protection group object has no Id.", nameof(group));
        }

        Value = group.Id;
        Id = group.Id;
        Name = group.Name;
    }

    /// <summary>The text to look up: the id for objects, the given text otherwise.</summary>
    public string Value { get; }

    /// <summary>The group id when the identity came from an object (then only the id is matched).</summary>
    public string? Id { get; }

    /// <summary>The group name when the identity came from an object; for messages.</summary>
    public string? Name { get; }

    /// <summary>True when only the id may match.</summary>
    public bool IsExactId => Id is not null;

    /// <summary>The error for a group that does not exist (or no longer does).</summary>
    public SendenseException NotFound() =>
        new SendenseException(SendenseErrorCode.ProtectionGroupNotFound, IsExactId
            ? $"Protection group '{this}' (id {Id}) no longer exists in the hub."
            : $"The hub has no protection group with the name or id '{Value}'. List the groups with Get-SendenseProtectionGroup.");

    /// <inheritdoc />
    public override string ToString() => Name ?? Value;
}
