using System.Globalization;
using System.Text.Json.Serialization;
using HauGiang.Portal.Domain;
using Microsoft.Extensions.Primitives;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The body of POST requests: documented in OpenAPI by its JSON names (the form fields of the specification) and
/// bound from the form by <see cref="BindAsync"/>. A field missing from the form may come in the query string, as
/// the specification allows. Binding reads and parses; every check of the values is the intake's (IntakeService).
/// </summary>
public sealed class ServiceRequestForm
{
    [JsonPropertyName("api_key")] public string ApiKey { get; set; } = "";

    [JsonPropertyName("jurisdiction_id")] public string? JurisdictionId { get; set; }

    [JsonPropertyName("service_code")] public string ServiceCode { get; set; } = "";

    /// <summary>Not a number: NaN, which the intake refuses ("lat and long must both be decimal numbers").</summary>
    [JsonPropertyName("lat")] public double? Lat { get; set; }

    [JsonPropertyName("long")] public double? Lon { get; set; }

    [JsonPropertyName("address_string")] public string? AddressString { get; set; }

    [JsonPropertyName("description")] public string Description { get; set; } = "";

    [JsonPropertyName("email")] public string? Email { get; set; }

    [JsonPropertyName("phone")] public string? Phone { get; set; }

    [JsonPropertyName("first_name")] public string? FirstName { get; set; }

    [JsonPropertyName("last_name")] public string? LastName { get; set; }

    [JsonPropertyName("device_id")] public string? DeviceId { get; set; }

    [JsonPropertyName("account_id")] public string? AccountId { get; set; }

    [JsonPropertyName("media_url")] public string? MediaUrl { get; set; }

    /// <summary>Extension: up to 5 photo files (JPEG, PNG, WebP; 10 MB each) in a multipart/form-data request.</summary>
    [JsonPropertyName("media")] public string? Media { get; set; }

    /// <summary>False when the body is not a form at all (the answer is then a 400).</summary>
    [JsonIgnore] public bool IsForm { get; private init; } = true;

    /// <summary>The answers to the service's attributes: attribute[code] (attribute[code][] for a multivaluelist).</summary>
    [JsonIgnore] public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; private init; } = new Dictionary<string, IReadOnlyList<string>>();

    [JsonIgnore] public IReadOnlyList<IFormFile> Files { get; private init; } = [];

    /// <summary>Every media_url (FixMyStreet repeats the field, some clients send media_url[]).</summary>
    [JsonIgnore] public IReadOnlyList<string> MediaUrls { get; private init; } = [];

    /// <summary>
    /// Reads the form — only a known client's: without one the answer is a 403 (<see cref="ApiKeyRequiredFilter"/>)
    /// and a multipart body of up to 52 MB is not read for it. A body that cannot be read throws, and
    /// <see cref="Open311ErrorMiddleware"/> answers 400 or 413.
    /// </summary>
    public static async ValueTask<ServiceRequestForm> BindAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return new ServiceRequestForm { IsForm = false };
        }

        if (ApiKeyMiddleware.ClientOf(http) is null)
        {
            return new ServiceRequestForm();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        string? P(string name) => form.TryGetValue(name, out var v) && !StringValues.IsNullOrEmpty(v) ? v.ToString() : http.Request.Query[name].FirstOrDefault();
        return new ServiceRequestForm
        {
            ApiKey = P("api_key") ?? "",
            JurisdictionId = P("jurisdiction_id"),
            ServiceCode = P("service_code") ?? "",
            Lat = Coordinate(P("lat")),
            Lon = Coordinate(P("long")),
            AddressString = P("address_string"),
            Description = P("description") ?? "",
            Email = P("email"),
            Phone = P("phone"),
            FirstName = P("first_name"),
            LastName = P("last_name"),
            DeviceId = P("device_id"),
            AccountId = P("account_id"),
            MediaUrl = P("media_url"),
            Answers = form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal))
                .GroupBy(k => k["attribute[".Length..].Split(']')[0], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(k => form[k]).OfType<string>()], StringComparer.Ordinal),
            Files = [.. form.Files],
            MediaUrls = [.. form["media_url"].Concat(form["media_url[]"]).OfType<string>()],
        };
    }

    /// <summary>The report to create, from this client (a sandbox client's is a test report).</summary>
    public IntakeRequest ToIntake(ApiClientIdentity client, long? idempotencyRecordId)
    {
        var fullName = string.Join(' ', new[] { FirstName, LastName }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()));
        return new IntakeRequest
        {
            CategoryCode = ServiceCode,
            Description = Description,
            Latitude = Lat,
            Longitude = Lon,
            Address = AddressString,
            Contact = new IntakeContact(fullName.Length == 0 ? null : fullName, Phone, Email, DeviceId, AccountId),
            Answers = Answers,
            Uploads = [.. Files.Select(f => new IntakeUpload(string.IsNullOrWhiteSpace(f.FileName) ? f.Name : f.FileName, f.OpenReadStream))],
            MediaUrls = MediaUrls,
            MediaHosts = client.MediaHosts,
            Source = ReportSource.Open311,
            ApiClientId = client.Id,
            IsTest = client.IsTest,
            IdempotencyRecordId = idempotencyRecordId,
        };
    }

    private static double? Coordinate(string? text) => text is null ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
