namespace Sendense.Tests.Core.Groups;

/// <summary>
/// Records what a group use case reports, and answers its confirmation questions: yes by default, no for -WhatIf
/// (<see cref="Answer"/> false). Each ConfirmAsync call is kept, so tests see that a batch asked once.
/// </summary>
internal sealed class RecordingObserver<T> : IOutcomeObserver<T>
{
    public List<Outcome<T>> Outcomes { get; } = new List<Outcome<T>>();

    public List<string> Verbose { get; } = new List<string>();

    public List<string> Warnings { get; } = new List<string>();

    public List<IReadOnlyList<ChangeRequest>> Questions { get; } = new List<IReadOnlyList<ChangeRequest>>();

    /// <summary>The answer to every question (false: -WhatIf).</summary>
    public bool Answer { get; init; } = true;

    /// <summary>Runs when a question comes, before the answer: another session changing the hub between plan and write.</summary>
    public Func<Task>? OnConfirm { get; init; }

    public IEnumerable<T> Values => Outcomes.Where(outcome => !outcome.Failed).Select(outcome => outcome.Value!);

    public IEnumerable<Outcome<T>> Failures => Outcomes.Where(outcome => outcome.Failed);

    public void Outcome(Outcome<T> outcome) => Outcomes.Add(outcome);

    public void Progress(OperationProgress progress)
    {
    }

    void IOperationObserver.Verbose(string message) => Verbose.Add(message);

    public void Warning(string message) => Warnings.Add(message);

    public async Task<IReadOnlyList<bool>> ConfirmAsync(IReadOnlyList<ChangeRequest> changes, CancellationToken cancellationToken)
    {
        Questions.Add(changes);
        if (OnConfirm is not null)
        {
            await OnConfirm();
        }

        return changes.Select(_ => Answer).ToList();
    }
}
