using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// Writes an Open311 document as JSON or XML. XML follows the specification's shapes: a root element, one element
/// per list item, element names = the JSON field names.
/// </summary>
public sealed class Open311Result(object payload, Open311Format format, string root, string? item, int status = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Vietnamese stays readable; HTML-sensitive characters (< > & quotes) are still escaped.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public int StatusCode => status;

    int? IStatusCodeHttpResult.StatusCode => status;

    public object Payload => payload;

    public static Open311Result List<T>(IEnumerable<T> items, Open311Format format, string root, string item, int status = StatusCodes.Status200OK) =>
        new(items.ToList(), format, root, item, status);

    public static Open311Result One(object value, Open311Format format, string root) => new(value, format, root, null);

    public static Open311Result Error(int code, string description, Open311Format format) =>
        new(new[] { new ErrorDto(code, description) }, format, "errors", "error", code);

    /// <summary>An error in the request's format and language: the resource key's text (English if the client asks).</summary>
    public static Open311Result Fail(HttpContext http, int code, string key, string? argument = null, Open311Format? format = null) =>
        Error(code, IntakeText.Get(key, IntakeText.WantsEnglish(http), argument), format ?? Open311ErrorMiddleware.FormatOf(http));

    /// <summary>
    /// The 201 of POST requests: the code and the notice, which says whether the photo at media_url will be fetched.
    /// account_id is never echoed.
    /// </summary>
    public static Open311Result Created(HttpContext http, string code, string notice, string? mediaUrl, bool mediaQueued)
    {
        if (!string.IsNullOrWhiteSpace(mediaUrl))
        {
            notice += " " + IntakeText.Get(mediaQueued ? "Open311.MediaUrlQueued" : "Open311.MediaUrlNotFetched", IntakeText.WantsEnglish(http));
        }

        return List([new CreatedRequestDto(code, notice, null)], Open311ErrorMiddleware.FormatOf(http), "service_requests", "request", StatusCodes.Status201Created);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext;
        http.Response.StatusCode = status;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (format == Open311Format.Json)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, payload, payload.GetType(), Json, http.RequestAborted);
            return;
        }

        http.Response.ContentType = "text/xml; charset=utf-8";
        await http.Response.WriteAsync(ToXml(payload, root, item), Encoding.UTF8, http.RequestAborted);
    }

    public static string ToXml(object payload, string root, string? item)
    {
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, Encoding = Encoding.UTF8, OmitXmlDeclaration = false }))
        {
            w.WriteStartDocument();
            w.WriteStartElement(root);
            if (item is not null && payload is IEnumerable list)
            {
                foreach (var x in list)
                {
                    WriteObject(w, item, x);
                }
            }
            else
            {
                WriteMembers(w, payload);
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        // XmlWriter over a StringBuilder declares utf-16; the response is UTF-8.
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void WriteObject(XmlWriter w, string name, object? value)
    {
        w.WriteStartElement(name);
        if (value is string or bool or int or long or double or null)
        {
            w.WriteString(Scalar(value));
        }
        else
        {
            WriteMembers(w, value);
        }

        w.WriteEndElement();
    }

    private static void WriteMembers(XmlWriter w, object value)
    {
        foreach (var p in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null)
            {
                continue;
            }

            var v = p.GetValue(value);
            if (v is null && p.GetCustomAttribute<JsonIgnoreAttribute>() is { Condition: JsonIgnoreCondition.WhenWritingNull })
            {
                // An optional field left out, in XML as in JSON (e.g. an update's media_url when it has no photo).
                continue;
            }

            if (p.GetCustomAttribute<XmlItemAttribute>() is { } itemName && v is IEnumerable items and not string)
            {
                w.WriteStartElement(name);
                foreach (var x in items)
                {
                    WriteObject(w, itemName.Name, x);
                }

                w.WriteEndElement();
            }
            else
            {
                WriteObject(w, name, v);
            }
        }
    }

    private static string Scalar(object? v) => v switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
