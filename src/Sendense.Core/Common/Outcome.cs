namespace Sendense.Core.Common;

/// <summary>
/// The result for one input of a use case: the object it produced, or why it failed. Per-item failures are values,
/// not exceptions, so one bad VM never stops the other 9,999; the cmdlet writes the value as output and the error as
/// a non-terminating error record whose TargetObject is <see cref="Input"/>.
/// </summary>
/// <typeparam name="T">The object a successful input produces.</typeparam>
public sealed class Outcome<T>
{
    internal Outcome(object? input, T? value, SendenseException? error)
    {
        Input = input;
        Value = value;
        Error = error;
    }

    /// <summary>The input as the user gave it (the error record's TargetObject).</summary>
    public object? Input { get; }

    /// <summary>The produced object; null when the input failed or produced nothing to show.</summary>
    public T? Value { get; }

    /// <summary>Why the input failed; null on success.</summary>
    public SendenseException? Error { get; }

    /// <summary>True when the input failed.</summary>
    public bool Failed => Error is not null;
}

/// <summary>Makes <see cref="Outcome{T}"/> values.</summary>
public static class Outcome
{
    /// <summary>A success.</summary>
    public static Outcome<T> Of<T>(object? input, T value) => new Outcome<T>(input, value, null);

    /// <summary>A failure.</summary>
    public static Outcome<T> Fail<T>(object? input, SendenseException error) =>
        new Outcome<T>(input, default, error ?? throw new ArgumentNullException(nameof(error)));
}
