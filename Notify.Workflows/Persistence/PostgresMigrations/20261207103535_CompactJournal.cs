using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Notify.Workflows.Persistence.PostgresMigrations
{
    /// <inheritdoc />
    public partial class CompactJournal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A run's journal moves into the run's own row: one JSON array, in the order the lines were written.
            migrationBuilder.AddColumn<string>(
                name: "Journal",
                table: "Runs",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql(
                """
                UPDATE "Runs" r SET "Journal" = j.lines
                FROM (
                    SELECT "RunId", json_agg(json_build_object(
                        'at', to_char("At" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'step', "StepId", 'kind', "Kind", 'verdict', "Outcome", 'message', "Message")
                        ORDER BY "Id")::text AS lines
                    FROM "Journal" GROUP BY "RunId") j
                WHERE r."Id" = j."RunId";
                """);

            migrationBuilder.DropTable(
                name: "Journal");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Message = table.Column<string>(type: "text", nullable: false),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    StepId = table.Column<string>(type: "text", nullable: false),
                    Outcome = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Journal", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Journal_RunId",
                table: "Journal",
                column: "RunId");

            migrationBuilder.Sql(
                """
                INSERT INTO "Journal" ("Id", "RunId", "At", "StepId", "Kind", "Outcome", "Message")
                SELECT row_number() OVER (ORDER BY r."CreatedAt", r."Id", e.ord), r."Id", (e.line->>'at')::timestamptz, e.line->>'step', e.line->>'kind',
                    e.line->>'verdict', e.line->>'message'
                FROM "Runs" r CROSS JOIN LATERAL json_array_elements(r."Journal"::json) WITH ORDINALITY AS e(line, ord);
                """);

            migrationBuilder.DropColumn(
                name: "Journal",
                table: "Runs");
        }
    }
}
