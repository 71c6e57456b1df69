namespace Sendense.Core.Credentials;

/// <summary>
/// Which stored vCenter credential to use: by name (exact, compared without regard to case as the hub's unique key
/// does), by id, or as a <see cref="VCenterCredential"/> object from Get-SendenseVCenterCredential. PowerShell's
/// binder builds one from a string, an int or a credential object through these constructors, so a
/// -VCenterCredential parameter of this type accepts all three.
/// </summary>
public sealed class VCenterCredentialIdentity
{
    /// <summary>By name.</summary>
    public VCenterCredentialIdentity(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A vCenter credential name cannot be empty.", nameof(name));
        }

        Name = name;
    }

    /// <summary>By the hub's id.</summary>
    public VCenterCredentialIdentity(int id)
    {
        if (id <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, "A vCenter credential id is a positive number.");
        }

        Id = id;
    }

    /// <summary>From a credential object (its id; the name is kept for messages).</summary>
    public VCenterCredentialIdentity(VCenterCredential credential)
    {
        if (credential is null)
        {
            throw new ArgumentNullException(nameof(credential));
        }

        Id = credential.Id > 0 ? credential.Id : null;
        Name = credential.Name;
        if (Id is null && string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("The vCenter credential object has neither an id nor a name.", nameof(credential));
        }
    }

    /// <summary>The id, when known; it wins over the name.</summary>
    public int? Id { get; }

    /// <summary>The name, when known.</summary>
    public string? Name { get; }

    /// <summary>How messages name it: 'Prod' or id 7.</summary>
    public override string ToString() =>
        Name is { Length: > 0 } ? "'" + Name + "'" : "id " + Id!.Value.ToString(CultureInfo.InvariantCulture);
}
