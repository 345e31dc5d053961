namespace HauGiang.Portal.Features.Intake;

/// <summary>Intake settings (<c>Intake</c> section).</summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>Open311 jurisdiction_id; requests naming another jurisdiction get a 404.</summary>
    public string JurisdictionId { get; set; } = "haugiang.cantho.gov.vn";

    /// <summary>A point farther than this from every ward/commune centre is outside the service area and refused.</summary>
    public double ServiceRadiusKm { get; set; } = 30;

    /// <summary>Requests per minute for Open311 calls without a valid api_key (public reads), per IP address.</summary>
    public int AnonymousRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Requests per minute to the update feed (servicerequestupdates), per API client, counted apart from its other
    /// calls: a client polling its updates never uses up the limit its reports are sent under, nor the reverse.
    /// Callers without a key get <see cref="AnonymousRequestsPerMinute"/> per IP, also apart.
    /// </summary>
    public int UpdateFeedRequestsPerMinute { get; set; } = 60;

    /// <summary>How long an Idempotency-Key is remembered.</summary>
    public int IdempotencyHours { get; set; } = 24;

    /// <summary>Contact shown in Open311 discovery.</summary>
    public string Contact { get; set; } = "Ban điều phối phản ánh hiện trường — phananh@haugiang.demo";
}
