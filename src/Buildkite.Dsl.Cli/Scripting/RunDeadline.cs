using System.Diagnostics;

namespace Buildkite.Dsl.Cli.Scripting;

/// <summary>
/// The time a run may take (<c>--timeout</c>), counted from its start, and the caller's cancellation. The slow phases
/// (a package restore, a compile) take <see cref="Token"/>, which is cancelled at the deadline; running the script
/// waits for at most <see cref="Remaining"/>.
/// </summary>
/// <remarks>
/// The deadline's timer is started only when <see cref="Token"/> is first asked for: a timer starts the runtime's
/// timer thread, which costs a cached run (compare clocks only; no restore, no compile) a few milliseconds.
/// </remarks>
internal sealed class RunDeadline : IDisposable
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly CancellationTokenSource _source;
    private bool _timerStarted;

    /// <param name="limit">How long the run may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public RunDeadline(TimeSpan limit, CancellationToken cancellationToken)
    {
        Limit = limit;
        CallerToken = cancellationToken;
        _source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>How long the run may take; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    public TimeSpan Limit { get; }

    /// <summary>The caller's cancellation alone.</summary>
    public CancellationToken CallerToken { get; }

    /// <summary>The time left; <see cref="Timeout.InfiniteTimeSpan"/> without a limit, never below zero.</summary>
    public TimeSpan Remaining
    {
        get
        {
            if (Limit == Timeout.InfiniteTimeSpan)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = Limit - Stopwatch.GetElapsedTime(_start);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Cancelled by the caller or at the deadline; the deadline's timer starts with the first call.</summary>
    public CancellationToken Token
    {
        get
        {
            if (!_timerStarted)
            {
                _timerStarted = true;
                if (Limit != Timeout.InfiniteTimeSpan)
                {
                    _source.CancelAfter(Remaining);
                }
            }

            return _source.Token;
        }
    }

    /// <summary>Whether the run was stopped by its deadline rather than by the caller.</summary>
    public bool HasPassed =>
        !CallerToken.IsCancellationRequested && (_source.IsCancellationRequested || Remaining == TimeSpan.Zero);

    /// <inheritdoc/>
    public void Dispose() => _source.Dispose();
}
