using HauGiang.Portal.Data;
using HauGiang.Portal.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace HauGiang.Portal.Components.Account;

public static class IdentityExtensions
{
    /// <summary>
    /// Identity for officers: accounts are created by admins (no self-registration, no external logins);
    /// two-factor sign-in and passkeys stay available. Password and lockout rules follow OWASP ASVS 5.0 §6.2:
    /// length and a deny-list of breached passwords matter, composition rules do not.
    /// </summary>
    public static IHostApplicationBuilder AddPortalIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorizationBuilder().AddPortalPolicies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddSingleton<DummyPasswordHash>();

        // A signed-out, locked, disabled or re-assigned user must lose access quickly: the cookie's security stamp is
        // checked every Identity:RevalidationSeconds (30 s by default), and so are open pages and hub connections
        // (UserSessions), which this instance also ends at once when it makes the change itself.
        var revalidation = UserSessions.RevalidationInterval(builder.Configuration);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = revalidation);
        services.AddSingleton<UserSessions>();
        services.AddHostedService<UserSessionRevalidator>();
        services.Configure<EmailOptions>(builder.Configuration.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender<ApplicationUser>, PortalEmailSender>();
        return builder;
    }
}
