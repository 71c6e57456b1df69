namespace Sendense.Tests.Core.Credentials;

/// <summary>Records what a use case reports and answers its confirmations with <see cref="Answer"/>.</summary>
internal sealed class RecordingObserver<T> : IOutcomeObserver<T>
{
    public bool Answer { get; set; } = true;

    /// <summary>Runs while the use case waits for the answer (something else changing the hub meanwhile).</summary>
    public Action? WhileAsked { get; set; }

    public List<ChangeRequest> Asked { get; } = new List<ChangeRequest>();

    public List<string> Verbose { get; } = new List<string>();

    public List<string> Warnings { get; } = new List<string>();

    public List<Outcome<T>> Outcomes { get; } = new List<Outcome<T>>();

    public IEnumerable<T> Values => Outcomes.Where(o => !o.Failed).Select(o => o.Value!);

    public IEnumerable<SendenseException> Errors => Outcomes.Where(o => o.Failed).Select(o => o.Error!);

    public void Outcome(Outcome<T> outcome) => Outcomes.Add(outcome);

    public void Progress(OperationProgress progress)
    {
    }

    void IOperationObserver.Verbose(string message) => Verbose.Add(message);

    public void Warning(string message) => Warnings.Add(message);

    public Task<IReadOnlyList<bool>> ConfirmAsync(IReadOnlyList<ChangeRequest> changes, CancellationToken cancellationToken)
    {
        Asked.AddRange(changes);
        WhileAsked?.Invoke();
        return Task.FromResult<IReadOnlyList<bool>>(changes.Select(_ => Answer).ToList());
    }
}
