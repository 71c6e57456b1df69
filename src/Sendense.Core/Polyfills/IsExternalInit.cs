namespace System.Runtime.CompilerServices;

/// <summary>Lets netstandard2.0 code use init-only setters and records (the compiler looks this type up by name).</summary>
internal static class IsExternalInit
{
}
