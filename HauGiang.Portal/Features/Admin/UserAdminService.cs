using System.Security.Cryptography;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HauGiang.Portal.Features.Admin;

/// <summary>
/// Accounts: create with roles, unit and an initial password; change roles or unit; disable/enable; reset the
/// password. Each change renews the security stamp, so the user's open sessions lose the old rights or end: open pages
/// and hub connections on this instance at once once the change is committed, cookies and other instances within
/// <c>Identity:RevalidationSeconds</c>. Identity writes through a scoped context; the audit entry joins the
/// same transaction, so an account change and its audit entry commit together.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, UserSessions sessions)
{
    public const int MaxRows = 200;

    public async Task<IReadOnlyList<UserRow>> ListAsync(UserFilter filter, bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(u => u.DisplayName.Contains(text) || u.Email!.Contains(text));
        }

        if (filter.UnitId is { } unitId)
        {
            query = query.Where(u => u.UnitId == unitId);
        }

        if (filter.Role is { Length: > 0 } role)
        {
            var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (!filter.IncludeDisabled)
        {
            query = query.Where(u => !u.IsDisabled);
        }

        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).Take(MaxRows)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.UnitId, UnitName = u.Unit == null ? null : english && u.Unit.NameEn != null ? u.Unit.NameEn : u.Unit.Name, u.IsDisabled, u.LockoutEnd })
            .ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        // Vietnamese order (Đ after D, not after Z), which the database's ordinal collation does not give.
        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        return users.OrderBy(u => u.DisplayName, vietnamese).Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(),
            u.UnitId, u.UnitName, u.IsDisabled, u.LockoutEnd > now)).ToList();
    }

    public async Task<AdminResult> CreateAsync(PortalUser admin, UserForm form, CancellationToken ct = default)
    {
        if (!admin.CanAdminister())
        {
            return AdminResult.Refused;
        }

        var email = form.Email?.Trim() ?? "";
        var invalid = await ValidateAsync(form, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 256)
        {
            return AdminResult.Invalid("User.EmailInvalid");
        }

        return await InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                return AdminResult.Invalid("User.EmailTaken", email);
            }

            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = form.DisplayName.Trim(), UnitId = form.UnitId };
            var created = await users.CreateAsync(user, form.Password ?? "");
            if (!created.Succeeded)
            {
                return IdentityFailure(created);
            }

            var roles = Roles.All.Where(form.Roles.Contains).ToList();
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded)
            {
                return IdentityFailure(added);
            }

            db.AuditEntries.Add(AdminAudit.Entry(admin, clock.GetUtcNow().UtcDateTime, "user.create", "User", email, null,
                new { email, displayName = user.DisplayName, roles, unitId = user.UnitId }));
            await db.SaveChangesAsync(ct);
            return AdminResult.Done("User.Created");
        }, ct);
    }

    /// <summary>Changes name, roles and unit. A change of role or unit renews the security stamp: old sessions lose it.</summary>
    public async Task<AdminResult> UpdateAsync(PortalUser admin, UserForm form, CancellationToken ct = default)
    {
        if (!admin.CanAdminister())
        {
            return AdminResult.Refused;
        }

        var invalid = await ValidateAsync(form, ct);
        if (invalid is not null)
        {
            return invalid;
        }

        if (form.Id == admin.Id && !form.Roles.Contains(Roles.Admin))
        {
            return AdminResult.Invalid("User.KeepOwnAdmin");
        }

        var accessChanged = false;
        var result = await InTransactionAsync(async (users, db) =>
        {
            var user = await users.FindByIdAsync(form.Id ?? "");
            if (user is null)
            {
                return AdminResult.NotFound;
            }

            var oldRoles = Roles.All.Where((await users.GetRolesAsync(user)).Contains).ToList();
            var newRoles = Roles.All.Where(form.Roles.Contains).ToList();
            var before = new { displayName = user.DisplayName, roles = oldRoles, unitId = user.UnitId };
            var after = new { displayName = form.DisplayName.Trim(), roles = newRoles, unitId = form.UnitId };
            if (AdminAudit.ToJson(before) == AdminAudit.ToJson(after))
            {
                return AdminResult.Done("Admin.NoChange");
            }

            accessChanged = !oldRoles.SequenceEqual(newRoles) || user.UnitId != form.UnitId;
            user.DisplayName = after.displayName;
            user.UnitId = form.UnitId;
            var removed = oldRoles.Except(newRoles).ToList();
            var addedRoles = newRoles.Except(oldRoles).ToList();
            if (removed.Count > 0 && await users.RemoveFromRolesAsync(user, removed) is { Succeeded: false } r1)
            {
                return IdentityFailure(r1);
            }

            if (addedRoles.Count > 0 && await users.AddToRolesAsync(user, addedRoles) is { Succeeded: false } r2)
            {
                return IdentityFailure(r2);
            }

            // UpdateSecurityStampAsync also saves the name and unit; without an access change a plain update is enough.
            var saved = accessChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            if (!saved.Succeeded)
            {
                return IdentityFailure(saved);
            }

            db.AuditEntries.Add(AdminAudit.Entry(admin, clock.GetUtcNow().UtcDateTime, accessChanged ? "user.change-access" : "user.update", "User", user.Email, before, after));
            await db.SaveChangesAsync(ct);
            return AdminResult.Done();
        }, ct);
        return EndSessionsIf(result.Succeeded && accessChanged, form.Id, result);
    }

    /// <summary>
    /// Disables (locks) or re-enables an account. Disabling renews the security stamp: the user's cookie is refused
    /// at its next check and open pages are closed by the circuit's revalidation, both within a minute.
    /// </summary>
    public async Task<AdminResult> SetDisabledAsync(PortalUser admin, string userId, bool disabled, CancellationToken ct = default)
    {
        if (!admin.CanAdminister())
        {
            return AdminResult.Refused;
        }

        if (disabled && userId == admin.Id)
        {
            return AdminResult.Invalid("User.NotYourself");
        }

        var locked = await InTransactionAsync(async (users, db) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return AdminResult.NotFound;
            }

            var wasLockedOut = await users.IsLockedOutAsync(user);
            if (user.IsDisabled == disabled && !(wasLockedOut && !disabled))
            {
                return AdminResult.Done("Admin.NoChange");
            }

            var before = new { isDisabled = user.IsDisabled, lockedOut = wasLockedOut };
            user.IsDisabled = disabled;
            if (!disabled)
            {
                // Unlocking also clears a lockout after too many wrong passwords.
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
            }

            var saved = await users.UpdateSecurityStampAsync(user);
            if (!saved.Succeeded)
            {
                return IdentityFailure(saved);
            }

            db.AuditEntries.Add(AdminAudit.Entry(admin, clock.GetUtcNow().UtcDateTime, disabled ? "user.lock" : "user.unlock", "User", user.Email,
                before, new { isDisabled = disabled, lockedOut = false }));
            await db.SaveChangesAsync(ct);
            return AdminResult.Done(disabled ? "User.Locked" : "User.Unlocked");
        }, ct);
        return EndSessionsIf(disabled && locked.MessageKey == "User.Locked", userId, locked);
    }

    /// <summary>Sets a new password chosen by the admin (at least 10 characters); the user's sessions end.</summary>
    public async Task<AdminResult> ResetPasswordAsync(PortalUser admin, string userId, string newPassword, CancellationToken ct = default)
    {
        if (!admin.CanAdminister())
        {
            return AdminResult.Refused;
        }

        var reset = await InTransactionAsync(async (users, db) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return AdminResult.NotFound;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var changed = await users.ResetPasswordAsync(user, token, newPassword ?? "");
            if (!changed.Succeeded)
            {
                return IdentityFailure(changed);
            }

            // The password itself is never logged.
            db.AuditEntries.Add(AdminAudit.Entry(admin, clock.GetUtcNow().UtcDateTime, "user.reset-password", "User", user.Email,
                new { passwordChanged = false }, new { passwordChanged = true }));
            await db.SaveChangesAsync(ct);
            return AdminResult.Done("User.PasswordReset");
        }, ct);
        return EndSessionsIf(reset.Succeeded, userId, reset);
    }

    /// <summary>After the commit (a rolled-back change must not end anything): the user's open pages and hub connections.</summary>
    private AdminResult EndSessionsIf(bool changed, string? userId, AdminResult result)
    {
        if (changed && userId is not null)
        {
            sessions.EndSessionsOf(userId);
        }

        return result;
    }

    /// <summary>A random password of 16 characters without look-alike letters, for the admin to hand over.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16);
    }

    public async Task<IReadOnlyList<Shared.Choice<int>>> UnitChoicesAsync(bool english, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(ct);
        return units.Select(u => new Shared.Choice<int>(u.Id, english && u.NameEn != null ? u.NameEn : u.Name)).ToList();
    }

    private async Task<AdminResult?> ValidateAsync(UserForm form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.DisplayName) || form.DisplayName.Trim().Length > 200)
        {
            return AdminResult.Invalid("User.NameRequired");
        }

        if (form.Roles.Count == 0 || form.Roles.Any(r => !Roles.All.Contains(r)))
        {
            return AdminResult.Invalid("User.RoleRequired");
        }

        // Officers and heads work for a unit; coordinators and admins may belong to the city or to none.
        if (form.UnitId is null && (form.Roles.Contains(Roles.Officer) || form.Roles.Contains(Roles.DepartmentHead)))
        {
            return AdminResult.Invalid("User.UnitRequired");
        }

        if (form.UnitId is { } unitId)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.Units.AnyAsync(u => u.Id == unitId && u.IsActive, ct))
            {
                return AdminResult.Invalid("User.UnitRequired");
            }
        }

        return null;
    }

    /// <summary>
    /// Runs Identity's several saves and the audit entry in one transaction (through the provider's execution
    /// strategy, which SQL Server's retry policy requires for user transactions); rolls back on a refusal.
    /// </summary>
    private async Task<AdminResult> InTransactionAsync(Func<UserManager<ApplicationUser>, PortalDbContext, Task<AdminResult>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work(users, db);
            if (result.Succeeded)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                await transaction.RollbackAsync(ct);
            }

            return result;
        });
    }

    private static AdminResult IdentityFailure(IdentityResult result)
    {
        var error = result.Errors.FirstOrDefault();
        return error?.Code switch
        {
            "PasswordTooShort" => AdminResult.Invalid("User.PasswordTooShort"),
            CommonPasswordValidator.ErrorCode => AdminResult.Invalid("User.PasswordCommon"),
            "DuplicateEmail" or "DuplicateUserName" => AdminResult.Invalid("User.EmailTaken"),
            "InvalidEmail" or "InvalidUserName" => AdminResult.Invalid("User.EmailInvalid"),
            _ => AdminResult.Invalid("User.IdentityError", error?.Description),
        };
    }
}
