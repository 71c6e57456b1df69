using Sendense.Core.VSphere;

namespace Sendense.PowerShell.Parameters;

/// <summary>Rejects at binding time anything that is not a SHA-256 or SHA-1 certificate thumbprint (any case, colons optional).</summary>
public sealed class ValidateThumbprintAttribute : ValidateArgumentsAttribute
{
    /// <inheritdoc />
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (!CertificateThumbprint.TryParse(value as string, out _, out string error))
        {
            throw new ValidationMetadataException(error);
        }
    }
}
