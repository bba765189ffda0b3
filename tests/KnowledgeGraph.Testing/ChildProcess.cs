using System.Diagnostics;

namespace KnowledgeGraph.Testing;

/// <summary>
/// The one way these tests start a program: whatever ends the test (its end, a failed assertion, a deadline, the
/// test being cancelled), the program and everything it started are killed with it, so no child outlives its test.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private ChildProcess(Process process, string command)
    {
        Process = process;
        Command = command;
    }

    public Process Process { get; }

    /// <summary>The program and its arguments, for messages.</summary>
    public string Command { get; }

    /// <summary>Starts a program with its standard streams redirected; disposing it kills it if it still runs.</summary>
    public static ChildProcess Start(ProcessStartInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var command = string.Join(' ', [info.FileName, .. info.ArgumentList]);
        return new ChildProcess(Process.Start(info) ?? throw new InvalidOperationException($"{command} did not start"), command);
    }

    /// <summary>
    /// Runs a program to its end and returns what it wrote; past <paramref name="deadline"/>, or when the test is
    /// cancelled, it is killed and the wait fails naming it.
    /// </summary>
    public static async Task<CliResult> RunAsync(ProcessStartInfo info, TimeSpan deadline)
    {
        using var child = Start(info);
        var output = child.Process.StandardOutput.ReadToEndAsync();
        var errors = child.Process.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync(deadline);
        return new CliResult(child.Process.ExitCode, await output, await errors);
    }

    /// <summary>Waits for the program to end; past <paramref name="deadline"/> it is killed and the wait fails naming it.</summary>
    public async Task WaitForExitAsync(TimeSpan deadline)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(deadline);
        try
        {
            await Process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Command} did not end within {deadline.TotalSeconds} s and was killed");
        }
        finally
        {
            Kill();
        }
    }

    public void Dispose()
    {
        Kill();
        Process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended between the look and the kill.
        }
    }
}
