using System.Runtime.CompilerServices;

namespace Sendense.PowerShell.Infrastructure;

/// <summary>Compares objects by reference (netstandard2.0 has no System.Collections.Generic.ReferenceEqualityComparer).</summary>
internal sealed class ReferenceEqualityComparer<T> : IEqualityComparer<T>
    where T : class
{
    internal static readonly ReferenceEqualityComparer<T> Instance = new ReferenceEqualityComparer<T>();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
