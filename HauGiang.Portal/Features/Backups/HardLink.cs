using System.Runtime.InteropServices;

namespace HauGiang.Portal.Features.Backups;

/// <summary>
/// A second name for an existing file (.NET has symbolic links but no hard links). A photo never changes once
/// written, so each set can share the previous set's copy of it: every set is complete on its own, a photo takes
/// disk space once, and deleting an old set frees only what no newer set still names.
/// </summary>
internal static partial class HardLink
{
    /// <summary>False when the file system refuses (another volume, FAT, too many links): the caller copies instead.</summary>
    public static bool TryCreate(string existing, string link)
    {
        try
        {
            return OperatingSystem.IsWindows() ? CreateHardLinkW(link, existing, IntPtr.Zero) : Link(Utf8z(existing), Utf8z(link)) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Paths as the kernel takes them: UTF-8 bytes ending in NUL.</summary>
    private static byte[] Utf8z(string path) => [.. System.Text.Encoding.UTF8.GetBytes(path), 0];

    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(byte[] existing, byte[] link);

    [DllImport("kernel32", SetLastError = true, CharSet = CharSet.Unicode)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static extern bool CreateHardLinkW(string link, string existing, IntPtr securityAttributes);
}
