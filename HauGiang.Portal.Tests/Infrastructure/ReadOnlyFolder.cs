using System.Diagnostics;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// Makes a folder refuse new files, as a read-only volume does. Root (CI runs as root) ignores permission bits, so
/// there the folder is made immutable with chattr; anyone else gets a folder without write permission.
/// </summary>
public static class ReadOnlyFolder
{
    public static void Set(string path, bool readOnly)
    {
        if (Environment.UserName == "root")
        {
            using var chattr = Process.Start(new ProcessStartInfo("chattr", [readOnly ? "+i" : "-i", path]) { RedirectStandardError = true })!;
            chattr.WaitForExit();
            Assert.True(chattr.ExitCode == 0, "chattr: " + chattr.StandardError.ReadToEnd());
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, readOnly
                ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
