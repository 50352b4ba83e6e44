package org.urbaninvest.platform.testapp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.urbaninvest.platform.idempotency.Idempotent;
import org.urbaninvest.platform.money.Money;
import org.urbaninvest.platform.outbox.Outbox;
import org.urbaninvest.platform.problem.ProblemException;
import org.urbaninvest.platform.security.Roles;

/** A minimal resource using every piece of the platform the way the services do. */
@Path("/api/v1/notes")
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    public record NoteRequest(@NotBlank @Size(max = 100) String text, @Valid Money amount, String refersTo) {
    }

    public record NoteView(UUID id, String text, Money amount, long version) {
        static NoteView of(Note note) {
            return new NoteView(note.id, note.text,
                    note.amount == null ? null : new Money(note.amount, note.currency), note.version + 1);
        }
    }

    @Inject
    Outbox outbox;

    /** Notes made from the lines of a text body, written in a transaction of their own as a service would. */
    public record BatchResult(int created) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    public Response create(@Valid @NotNull NoteRequest request) {
        if (request.refersTo() != null && Note.findById(UUID.fromString(request.refersTo())) == null) {
            throw ProblemException.unprocessable("refersTo", "no such note");
        }
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.text = request.text();
        if (request.amount() != null) {
            note.amount = request.amount().scaled();
            note.currency = request.amount().currency();
        }
        note.persistAndFlush();
        NoteView view = NoteView.of(note);
        outbox.publish("notes.v1", note.id.toString(), "note.registered", view);
        return Response.created(URI.create("/api/v1/notes/" + note.id)).entity(view)
                .tag(Long.toString(view.version())).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.TEXT_PLAIN)
    @Idempotent
    @RolesAllowed(Roles.EDITOR)
    public BatchResult batch(InputStream lines) throws IOException {
        List<String> texts;
        try (lines) { // closed when read, as readers of request bodies do
            texts = new String(lines.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .toList();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            for (String text : texts) {
                Note note = new Note();
                note.id = UUID.randomUUID();
                note.text = text;
                note.persist();
            }
            return new BatchResult(texts.size());
        });
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public long count(@jakarta.ws.rs.QueryParam("longerThan") @jakarta.ws.rs.DefaultValue("0") int longerThan) {
        return Note.count("length(text) > ?1", longerThan);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.SERVICE})
    public NoteView get(@PathParam("id") UUID id) {
        return NoteView.of(find(id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed(Roles.EDITOR)
    public NoteView update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull NoteRequest request) {
        Note note = find(id);
        if (ifMatch == null || !ifMatch.replace("\"", "").equals(Long.toString(note.version + 1))) {
            throw ProblemException.preconditionFailed("the note is at version " + (note.version + 1));
        }
        if (request.text().equals(note.text)) {
            throw ProblemException.conflict("the note already says that");
        }
        note.text = request.text();
        note.persistAndFlush();
        NoteView view = NoteView.of(note);
        outbox.publish("notes.v1", note.id.toString(), "note.updated", view);
        return view;
    }

    @POST
    @Path("/admin-only")
    @RolesAllowed(Roles.ADMIN)
    public Response adminOnly() {
        return Response.accepted().build();
    }

    private static Note find(UUID id) {
        Note note = Note.findById(id);
        if (note == null) {
            throw ProblemException.notFound("no note " + id);
        }
        return note;
    }
}
