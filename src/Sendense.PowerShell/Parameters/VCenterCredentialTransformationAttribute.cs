using Sendense.Core.Credentials;

namespace Sendense.PowerShell.Parameters;

/// <summary>
/// Lets a <see cref="VCenterCredentialIdentity"/> parameter take a name, an id, a Sendense.VCenterCredential, or any
/// object with an Id or Name property (a deserialized credential from Import-Clixml or a remote session).
/// Use it on -VCenterCredential: <c>[VCenterCredentialTransformation] public VCenterCredentialIdentity? VCenterCredential</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class VCenterCredentialTransformationAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
                return null!;
            case VCenterCredentialIdentity identity:
                return identity;
            case VCenterCredential credential:
                return new VCenterCredentialIdentity(credential);
            case string name:
                return new VCenterCredentialIdentity(name);
            case int id:
                return new VCenterCredentialIdentity(id);
            case long or short or byte or uint or ushort:
                return new VCenterCredentialIdentity(Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));
            case System.Collections.IEnumerable several:
                // Several names (-VCenterCredential a, 'b*'), or credentials piped as one array.
                return several.Cast<object>().Select(item => (VCenterCredentialIdentity)Transform(engineIntrinsics, item)).ToArray();
        }

        if (inputData is PSObject shaped)
        {
            if (shaped.Properties["Id"]?.Value is object id && LanguagePrimitives.TryConvertTo(id, out int number) && number > 0)
            {
                return new VCenterCredentialIdentity(number);
            }

            if (shaped.Properties["Name"]?.Value is string name && name.Length > 0)
            {
                return new VCenterCredentialIdentity(name);
            }
        }

        throw new ArgumentTransformationMetadataException(
            $"Cannot use a {value.GetType().Name} as a vCenter credential: give its name, its id, or an object from Get-SendenseVCenterCredential.");
    }
}
