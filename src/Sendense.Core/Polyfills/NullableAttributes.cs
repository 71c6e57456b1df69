namespace System.Diagnostics.CodeAnalysis;

// netstandard2.0 lacks the nullable flow attributes; the compiler recognises these by name.

/// <summary>The output is not null when the method returns the given value.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class NotNullWhenAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

    /// <summary>The return value for which the argument is not null.</summary>
    public bool ReturnValue { get; }
}

/// <summary>The method never returns.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class DoesNotReturnAttribute : Attribute
{
}

/// <summary>The output is not null even if the input type allows it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue)]
internal sealed class NotNullAttribute : Attribute
{
}
