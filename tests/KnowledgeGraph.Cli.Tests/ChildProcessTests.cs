using System.Diagnostics;
using System.Globalization;
using KnowledgeGraph.Testing;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>The tests' one way to run a program: past its deadline it is killed with everything it started.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task AProgramPastItsDeadline_IsKilled_WithTheProgramItStarted_AndTheWaitNamesIt()
    {
        var info = new ProcessStartInfo("bash");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("sleep 600 & echo $!; wait");
        using var child = ChildProcess.Start(info);
        var grandchild = int.Parse((await child.Process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken))!, CultureInfo.InvariantCulture);

        var timedOut = await Assert.ThrowsAsync<TimeoutException>(() => child.WaitForExitAsync(TimeSpan.FromSeconds(1)));
        var grandchildGone = await Eventually.UntilAsync($"process {grandchild} gone", () => Task.FromResult(Gone(grandchild)), gone => gone);

        Assert.Contains("bash -c sleep 600", timedOut.Message, StringComparison.Ordinal);
        Assert.True(child.Process.HasExited);
        Assert.True(grandchildGone);
    }

    /// <summary>No such process, or only its exit status left to collect.</summary>
    private static bool Gone(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            return !File.Exists(stat) || File.ReadAllText(stat).Split(") ")[1].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
