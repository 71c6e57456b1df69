using System.Collections.Concurrent;

namespace Sendense.Tests.Rig;

/// <summary>
/// What a use case told its observer, recorded for assertions: outcomes, messages, progress and the confirmation
/// questions, each answered by <see cref="Answer"/> (yes by default, as without -WhatIf/-Confirm).
/// </summary>
internal sealed class RecordingObserver<T> : IOutcomeObserver<T>
{
    private readonly ConcurrentQueue<Outcome<T>> _outcomes = new ConcurrentQueue<Outcome<T>>();
    private readonly ConcurrentQueue<string> _verbose = new ConcurrentQueue<string>();
    private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
    private readonly ConcurrentQueue<ChangeRequest> _questions = new ConcurrentQueue<ChangeRequest>();
    private readonly ConcurrentQueue<OperationProgress> _progress = new ConcurrentQueue<OperationProgress>();
    private readonly ConcurrentQueue<IReadOnlyList<ChangeRequest>> _batches = new ConcurrentQueue<IReadOnlyList<ChangeRequest>>();

    /// <summary>How each confirmation question is answered.</summary>
    internal Func<ChangeRequest, bool> Answer { get; set; } = _ => true;

    /// <summary>Runs while a confirmation is pending (tests that change the hub between asking and writing).</summary>
    internal Func<Task>? OnConfirm { get; set; }

    /// <summary>Called on each outcome as it arrives (tests that act mid-run).</summary>
    internal Action<Outcome<T>>? OnOutcome { get; set; }

    internal IReadOnlyList<Outcome<T>> Outcomes => _outcomes.ToArray();

    internal IReadOnlyList<T> Values => _outcomes.Where(o => o.Value is not null).Select(o => o.Value!).ToList();

    internal IReadOnlyList<(object? Input, SendenseException Error)> Errors =>
        _outcomes.Where(o => o.Error is not null).Select(o => (o.Input, o.Error!)).ToList();

    internal IReadOnlyList<Outcome<T>> Failures => _outcomes.Where(o => o.Failed).ToList();

    internal IReadOnlyList<string> VerboseLines => _verbose.ToArray();

    internal IReadOnlyList<string> Warnings => _warnings.ToArray();

    internal IReadOnlyList<ChangeRequest> Questions => _questions.ToArray();

    /// <summary>The questions as asked: one batch per ConfirmAsync call.</summary>
    internal IReadOnlyList<IReadOnlyList<ChangeRequest>> Batches => _batches.ToArray();

    internal IReadOnlyList<OperationProgress> ProgressUpdates => _progress.ToArray();

    public void Outcome(Outcome<T> outcome)
    {
        _outcomes.Enqueue(outcome);
        OnOutcome?.Invoke(outcome);
    }

    public void Successes(IReadOnlyList<T> values)
    {
        foreach (T value in values)
        {
            Outcome(Sendense.Core.Common.Outcome.Of(value, value));
        }
    }

    public void Progress(OperationProgress progress) => _progress.Enqueue(progress);

    public void Verbose(string message) => _verbose.Enqueue(message);

    public void Warning(string message) => _warnings.Enqueue(message);

    public async Task<IReadOnlyList<bool>> ConfirmAsync(IReadOnlyList<ChangeRequest> changes, CancellationToken cancellationToken)
    {
        _batches.Enqueue(changes);
        foreach (ChangeRequest change in changes)
        {
            _questions.Enqueue(change);
        }

        if (OnConfirm is not null)
        {
            await OnConfirm();
        }

        return changes.Select(Answer).ToList();
    }
}
