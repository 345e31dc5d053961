using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// Builds the one audit entry each admin change writes, with compact JSON snapshots before and after. The caller adds
/// it to the same context as the change, so both commit in one SaveChanges (or neither does).
/// </summary>
public static class AdminAudit
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // Vietnamese names stay readable in the log; the log is shown as text, never as HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public static AuditEntry Entry(PortalUser user, DateTime now, string action, string entityType, string? entityId, object? before, object? after, string? reason = null) => new()
    {
        At = now,
        UserId = user.Id,
        UserName = user.DisplayName,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        Before = Text(before),
        After = Text(after),
        Reason = reason,
    };

    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    /// <summary>A string is taken as JSON made by <see cref="ToJson"/>; anything else is serialised.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string json => json,
        _ => JsonSerializer.Serialize(value, Json),
    };
}

internal static class AdminAccess
{
    /// <summary>Only admins change anything; coordinators may look.</summary>
    public static bool CanAdminister(this PortalUser? user) => user is not null && user.Roles.Contains(Roles.Admin);
}
