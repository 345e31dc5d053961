using System.Text;
using System.Text.RegularExpressions;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Architecture;

/// <summary>
/// Issue #14 item 7: each top-level public type of the app lives in a file of its own, so a newcomer finds a type by
/// its name in the file tree. Read from the source (the compiled app does not say which file a type came from);
/// EF's generated migrations, obj and bin are left out. Nested types and internal or private types may share a file.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public partial class OneTypePerFileTests
{
    private static readonly string AppFolder = Path.Combine(Repository.Root, "HauGiang.Portal");

    [Fact]
    public void Each_public_type_of_the_app_lives_in_a_file_of_its_own()
    {
        var crowded = SourceFiles()
            .Select(path => (File: path, Types: PublicTypes(File.ReadAllText(path))))
            .Where(f => f.Types.Count > 1)
            .Select(f => $"{Path.GetRelativePath(AppFolder, f.File).Replace('\\', '/')}: {string.Join(", ", f.Types)}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(crowded.Count == 0,
            $"{crowded.Count} files declare more than one public type; give each type a file named after it:\n" + string.Join("\n", crowded));
    }

    [Fact]
    public void The_test_reads_the_source_of_the_app_without_its_migrations()
    {
        var files = SourceFiles().Select(f => Path.GetRelativePath(AppFolder, f).Replace('\\', '/')).ToList();

        Assert.Contains("Features/Intake/IntakeService.cs", files);
        Assert.DoesNotContain(files, f => f.StartsWith("Data/Migrations/", StringComparison.Ordinal) || f.StartsWith("obj/", StringComparison.Ordinal));
        Assert.Equal("Report", Assert.Single(PublicTypes(File.ReadAllText(Path.Combine(AppFolder, "Domain", "Report.cs")))));
    }

    [Theory]
    // Two public types at the top of a file-scoped namespace, whatever their kind.
    [InlineData("namespace A;\npublic sealed record R(int X);\npublic enum E { One, Two }", "R E")]
    [InlineData("namespace A;\npublic readonly record struct P(int X);\npublic static partial class Q;\npublic delegate Task<int> D<T>(T x);", "P Q D")]
    // Block-scoped namespaces, attributes and doc comments before the type.
    [InlineData("namespace A\n{\n    /// <summary>S.</summary>\n    [Obsolete(\"no\")]\n    public struct S { }\n    public interface I { }\n}", "S I")]
    // Nested public types, internal types, and "public class" in comments and strings are not top-level public types.
    [InlineData("namespace A;\n// public class InComment\npublic class C\n{\n    public enum Inner { X }\n    private const string S = \"public class InString\";\n}\ninternal sealed class Helper;", "C")]
    // Braces inside literals (interpolated, raw, char) do not upset the nesting.
    [InlineData("namespace A;\npublic class C\n{\n    string M(int x) => $\"{{{x}}}}}{(x > 0 ? \"}\" : \"{\")}\" + '{' + \"\"\"\n  { public class Raw\n  \"\"\" + @\"}\"\"\";\n}\npublic class D;", "C D")]
    public void The_test_sees_top_level_public_types_only(string source, string expected)
    {
        Assert.Equal(expected.Split(' '), PublicTypes(source));
    }

    /// <summary>Every .cs file of the app, without EF's generated migrations (one file per migration by design).</summary>
    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(AppFolder, "*.cs", SearchOption.AllDirectories).Where(path =>
        {
            var relative = Path.GetRelativePath(AppFolder, path).Replace('\\', '/');
            return !relative.StartsWith("Data/Migrations/", StringComparison.Ordinal)
                && !relative.StartsWith("obj/", StringComparison.Ordinal)
                && !relative.StartsWith("bin/", StringComparison.Ordinal);
        });

    /// <summary>
    /// The names of the public types declared at namespace level (file-scoped or block), in order. The code is read
    /// with comments, preprocessor lines and literals blanked, then each piece of code between <c>;</c>, <c>{</c> and
    /// <c>}</c> outside any type or member is matched against a type declaration.
    /// </summary>
    internal static IReadOnlyList<string> PublicTypes(string source)
    {
        var scopes = new Stack<bool>(); // per open brace: is it a namespace block?
        var header = new StringBuilder();
        var types = new List<string>();
        foreach (var c in CodeOnly(source))
        {
            var atNamespaceLevel = scopes.All(isNamespace => isNamespace);
            if (c is '{' or ';')
            {
                var text = header.ToString();
                if (atNamespaceLevel && TypeDeclaration().Match(text) is { Success: true } declaration)
                {
                    types.Add(TypeName(declaration));
                }

                if (c == '{')
                {
                    scopes.Push(atNamespaceLevel && NamespaceDeclaration().IsMatch(text));
                }

                header.Clear();
            }
            else if (c == '}')
            {
                scopes.TryPop(out _);
                header.Clear();
            }
            else if (atNamespaceLevel)
            {
                header.Append(c);
            }
        }

        return types;
    }

    private static string TypeName(Match declaration)
    {
        var rest = declaration.Groups["rest"].Value;
        if (declaration.Groups["kind"].Value != "delegate")
        {
            return Identifier().Match(rest).Value;
        }

        // delegate ReturnType Name<T>(…): the identifier just before the parameters (and type parameters).
        var beforeParameters = GenericTail().Replace(rest[..rest.IndexOf('(', StringComparison.Ordinal)], "");
        return Identifier().Matches(beforeParameters)[^1].Value;
    }

    /// <summary>The source with comments, preprocessor lines and the insides of string and char literals replaced by a space.</summary>
    private static string CodeOnly(string s)
    {
        var code = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            var end = TriviaEnd(s, i) ?? (IsLiteralStart(s, i) ? LiteralEnd(s, i) : (int?)null);
            if (end is { } skipTo)
            {
                code.Append(' ');
                i = skipTo;
            }
            else
            {
                code.Append(s[i]);
                i++;
            }
        }

        return code.ToString();
    }

    /// <summary>Where a comment or a preprocessor line starting at i ends; null when none starts there.</summary>
    private static int? TriviaEnd(string s, int i)
    {
        var lineStart = s.LastIndexOf('\n', Math.Max(i - 1, 0)) + 1;
        var startsLine = i == 0 || s.AsSpan(lineStart, i - lineStart).IsWhiteSpace();
        if (s.AsSpan(i).StartsWith("//") || (s[i] == '#' && startsLine))
        {
            var newline = s.IndexOf('\n', i);
            return newline < 0 ? s.Length : newline;
        }

        return s.AsSpan(i).StartsWith("/*") ? s.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2 : null;
    }

    private static bool IsLiteralStart(string s, int i)
    {
        if (s[i] is '\'' or '"')
        {
            return true;
        }

        var j = i;
        while (j < s.Length && s[j] is '$' or '@')
        {
            j++;
        }

        return j > i && j < s.Length && s[j] == '"';
    }

    /// <summary>Where the string or char literal starting at i ends: regular, verbatim, interpolated (holes may hold literals) or raw.</summary>
    private static int LiteralEnd(string s, int i)
    {
        if (s[i] == '\'')
        {
            var k = i + 1;
            while (s[k] != '\'')
            {
                k += s[k] == '\\' ? 2 : 1;
            }

            return k + 1;
        }

        var open = i;
        while (s[open] is '$' or '@')
        {
            open++;
        }

        var verbatim = s.AsSpan(i, open - i).Contains('@');
        var interpolated = s.AsSpan(i, open - i).Contains('$');
        var quotes = 0;
        while (open + quotes < s.Length && s[open + quotes] == '"')
        {
            quotes++;
        }

        if (quotes >= 3 && !verbatim)
        {
            var fence = new string('"', quotes);
            return s.IndexOf(fence, open + quotes, StringComparison.Ordinal) + quotes;
        }

        var j = open + 1;
        while (true)
        {
            switch (s[j])
            {
                case '"' when verbatim && j + 1 < s.Length && s[j + 1] == '"':
                    j += 2;
                    break;
                case '"':
                    return j + 1;
                case '\\' when !verbatim:
                    j += 2;
                    break;
                case '{' when interpolated && s[j + 1] == '{':
                    j += 2;
                    break;
                case '{' when interpolated:
                    j = HoleEnd(s, j + 1);
                    break;
                default:
                    j++;
                    break;
            }
        }
    }

    /// <summary>Where the interpolation hole whose code starts at j ends (just past its closing brace).</summary>
    private static int HoleEnd(string s, int j)
    {
        var depth = 1;
        while (true)
        {
            if (IsLiteralStart(s, j))
            {
                j = LiteralEnd(s, j);
                continue;
            }

            if (s[j] == '{')
            {
                depth++;
            }
            else if (s[j] == '}' && --depth == 0)
            {
                return j + 1;
            }

            j++;
        }
    }

    [GeneratedRegex(@"(?<![\w.])public\s+(?:(?:static|sealed|abstract|partial|readonly|unsafe|new|file|ref)\s+)*(?<kind>record\s+struct|record\s+class|record|class|struct|interface|enum|delegate)\s+(?<rest>.*)", RegexOptions.Singleline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?<![\w.])namespace\s+[\w.]+\s*$")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"@?\w+")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"<[^<>]*>\s*$")]
    private static partial Regex GenericTail();
}
