using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// What Chromium printed about the Content-Security-Policy ("Refused to execute inline script because it violates
/// the following Content Security Policy directive…") in any page a browser test opened. Browser tests run one at
/// a time (one collection), so what arrived during a test belongs to it.
/// </summary>
public static class CspViolations
{
    private static readonly ConcurrentQueue<string> Messages = new();

    public static int Count => Messages.Count;

    public static void Record(IConsoleMessage message)
    {
        if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
        {
            Messages.Enqueue($"{message.Location} {message.Text}");
        }
    }

    public static IReadOnlyList<string> Since(int mark) => [.. Messages.Skip(mark)];
}

/// <summary>Fails a browser test if a page it opened reported a Content-Security-Policy violation in the console.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoCspViolationsAttribute : BeforeAfterTestAttribute
{
    private int _mark;

    public override void Before(MethodInfo methodUnderTest) => _mark = CspViolations.Count;

    public override void After(MethodInfo methodUnderTest)
    {
        var violations = CspViolations.Since(_mark);
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("Content-Security-Policy violations in the console:\n" + string.Join("\n", violations));
        }
    }
}
