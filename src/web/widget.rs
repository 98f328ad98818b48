//! The `Widget` handle behind the `<posture-chain>` element: holds the scenario, the animated
//! posture and the scene in wasm memory; JS calls it with small values and gets small values back.

use wasm_bindgen::prelude::*;
use web_sys::CanvasRenderingContext2d;

use super::canvas::{replay, share_strings};
use crate::model::{CascadeStep, Input, Measure, Scenario, Solver, Warning, MOTIONS};
use crate::scene::{Cascade, Origin, Pose, Scene, SceneOptions, StepWeights, View};
/// Autoplay sweeps the head between these degrees, once every period.
const AUTOPLAY_AMPLITUDE_DEG: f64 = 12.0;
const AUTOPLAY_PERIOD_MS: f64 = 7000.0;

/// A drag of the head in the back view: the pointer's angle around C7 when it began.
#[derive(Clone, Copy)]
struct Drag {
    start_angle_deg: f64,
    start_tilt_deg: f64,
}

/// One widget's state. Create with `new Widget()`, free with `.free()`.
#[wasm_bindgen]
pub struct Widget {
    solver: Solver,
    scenario: Scenario,
    /// The scenario last solved, to tell where a change starts.
    solved: Scenario,
    neutral: Pose,
    compensated: Pose,
    /// Each cascade step's share of the correction in the compensated posture, 0..=1.
    shares: [f64; CascadeStep::COUNT],
    /// The compensated posture's joints beyond their range of motion: `[level index, motion
    /// (its index in `MOTIONS`), angle°, range°]`. The page
    /// words them (readouts.js); the inputs are brought into range before they reach the model,
    /// which solves them with `solve_unreported`: no input warnings.
    warnings: Vec<[f64; 4]>,
    uncompensated: Pose,
    cascade: Cascade,
    scene: Scene,
    options: SceneOptions,
    explain: Option<usize>,
    autoplay_since_ms: Option<f64>,
    reduced_motion: bool,
    needs_solve: bool,
    needs_draw: bool,
    /// The digest of the display list each view's canvas shows (`DisplayList::digest`), 0 when
    /// unknown: a view is replayed only when its list's digest differs. Cleared when the page
    /// changes what the canvas draws with (`redraw`, `resize`).
    drawn: [u64; 3],
    dpr: f64,
    drag: Option<Drag>,
    /// Compare mode on a narrow screen: the strategy (its input value) whose posture for the same
    /// inputs is drawn over the figure instead of the neutral stance behind it, solved by its own
    /// solver (each solver starts from its last solution) whenever the inputs are.
    ghost_strategy: Option<f64>,
    ghost_solver: Solver,
    ghost: Pose,
    /// The decimal and minus signs of this widget's labels (widgets on one page may differ).
    signs: (u32, u32),
}

/// Read-out `i` of a pose (as `Widget::readout` numbers them), NaN past the end.
#[inline(never)]
fn measure(pose: &Pose, i: usize) -> f64 {
    Measure::ALL
        .get(i)
        .map_or(f64::NAN, |m| m.of(&pose.measures))
}

fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        fallback
    }
}

#[wasm_bindgen]
impl Widget {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Widget {
        share_strings();
        let scenario = Scenario::page_start();
        let mut solver = Solver::new();
        let neutral = Pose::of(solver.solve_unreported(&Scenario {
            head_tilt_deg: 0.0,
            ..scenario
        }));
        let compensated = Pose::of(solver.solve_unreported(&scenario));
        Widget {
            solver,
            scenario,
            solved: scenario,
            neutral,
            compensated,
            shares: [0.0; CascadeStep::COUNT],
            warnings: Vec::new(),
            uncompensated: compensated,
            cascade: Cascade::new(&compensated),
            scene: Scene::new(),
            options: SceneOptions::default(),
            explain: None,
            autoplay_since_ms: None,
            reduced_motion: false,
            needs_solve: true,
            needs_draw: true,
            drawn: [0; 3],
            dpr: 1.0,
            drag: None,
            ghost_strategy: None,
            ghost_solver: Solver::new(),
            ghost: neutral,
            signs: ('.' as u32, '−' as u32),
        }
    }

    /// Draws the posture the same inputs give under strategy `strategy` (its value as an input:
    /// 0 neck, 1 spine, 2 chain) behind the figure, in place of the neutral stance; -1 (or any
    /// value that is not a strategy) goes back to the neutral stance. Returns the strategy drawn,
    /// or -1.
    #[wasm_bindgen(js_name = setGhostStrategy)]
    pub fn set_ghost_strategy(&mut self, strategy: f64) -> f64 {
        let input = Input::Strategy;
        let wanted = (strategy.is_finite() && strategy >= input.min() && strategy <= input.max())
            .then(|| input.clamped(strategy, 0.0));
        self.ghost_strategy = wanted;
        self.solve_ghost();
        self.needs_draw = true;
        wanted.unwrap_or(-1.0)
    }

    /// Read-out `i` (as for `readout`) of the ghost's posture, solved for the current inputs
    /// under the ghost's strategy; NaN without a ghost strategy or past the end.
    #[wasm_bindgen(js_name = ghostReadout)]
    pub fn ghost_readout(&self, i: usize) -> f64 {
        match self.ghost_strategy {
            Some(_) => measure(&self.ghost, i),
            None => f64::NAN,
        }
    }

    /// Sets input `input` (its index in the model's `Input::ALL`, as the generated `INPUTS` table
    /// lists them) to `value` in the input's unit, brought into its range (a non-finite value keeps
    /// the current one); returns the value used, or NaN for an unknown input.
    #[wasm_bindgen(js_name = setInput)]
    pub fn set_input(&mut self, input: usize, value: f64) -> f64 {
        let Some(input) = Input::from_index(input) else {
            return f64::NAN;
        };
        let v = input.clamped(value, input.get(&self.scenario));
        input.set(&mut self.scenario, v);
        self.needs_solve = true;
        v
    }

    /// The current value of input `input` (as for `setInput`), or NaN for an unknown input.
    pub fn input(&self, input: usize) -> f64 {
        Input::from_index(input).map_or(f64::NAN, |i| i.get(&self.scenario))
    }

    /// Draws shifts from neutral `factor` times larger (1..=5); labels keep the true values.
    #[wasm_bindgen(js_name = setMagnify)]
    pub fn set_magnify(&mut self, factor: f64) -> f64 {
        let v = finite_or(factor, 1.0).clamp(1.0, 5.0);
        self.options.magnify = v;
        self.needs_draw = true;
        v
    }

    /// Back to the page's starting posture; stops autoplay and explain mode.
    pub fn reset(&mut self) {
        self.scenario = Scenario::page_start();
        self.autoplay_since_ms = None;
        self.explain = None;
        self.options.highlight = None;
        self.options.magnify = 1.0;
        self.needs_solve = true;
    }

    #[wasm_bindgen(js_name = setReducedMotion)]
    pub fn set_reduced_motion(&mut self, on: bool) {
        self.reduced_motion = on;
    }

    /// Explain mode: shows the cascade up to step `step` (0..=4) and highlights it; -1 leaves it.
    #[wasm_bindgen(js_name = setExplainStep)]
    pub fn set_explain_step(&mut self, step: i32) {
        self.explain = usize::try_from(step)
            .ok()
            .filter(|s| *s < CascadeStep::COUNT);
        self.options.highlight = self.explain;
        self.needs_solve = true;
    }

    /// Starts or stops the gentle sweep of the head from side to side.
    #[wasm_bindgen(js_name = setAutoplay)]
    pub fn set_autoplay(&mut self, on: bool) {
        self.autoplay_since_ms = if on { Some(f64::NAN) } else { None };
        self.needs_draw = true;
    }

    pub fn autoplay(&self) -> bool {
        self.autoplay_since_ms.is_some()
    }

    /// Draws again on the next frame (the page changed something the drawing reads, such as a
    /// canvas's brand colour).
    pub fn redraw(&mut self) {
        self.needs_draw = true;
        self.drawn = [0; 3];
    }

    /// Sets the decimal sign and minus sign the canvas labels' numbers are written with (the
    /// reader's locale, as `char` values: `','` and `'−'` for German); drawn from the next frame.
    #[wasm_bindgen(js_name = setNumberFormat)]
    pub fn set_number_format(&mut self, decimal: u32, minus: u32) {
        self.signs = (decimal, minus);
        self.needs_draw = true;
    }

    /// Sets a view's size in CSS pixels and the device pixel ratio.
    pub fn resize(&mut self, view: usize, width_px: f64, height_px: f64, dpr: f64) {
        if let Some(v) = View::from_index(view) {
            self.scene.set_size_px(v, width_px, height_px);
        }
        self.dpr = finite_or(dpr, 1.0).clamp(0.5, 4.0);
        self.redraw();
    }

    /// Advances to `now_ms`, re-solves if an input changed, and redraws what changed. Returns true
    /// while it needs another frame.
    pub fn frame(
        &mut self,
        now_ms: f64,
        back: &CanvasRenderingContext2d,
        side: &CanvasRenderingContext2d,
        top: &CanvasRenderingContext2d,
    ) -> bool {
        if let Some(since) = self.autoplay_since_ms {
            let since = if since.is_nan() {
                now_ms - AUTOPLAY_PERIOD_MS / 2.0
            } else {
                since
            };
            self.autoplay_since_ms = Some(since);
            let phase = (now_ms - since) / AUTOPLAY_PERIOD_MS * std::f64::consts::TAU;
            self.scenario.head_tilt_deg = AUTOPLAY_AMPLITUDE_DEG * phase.sin();
            self.needs_solve = true;
        }
        if self.needs_solve {
            self.resolve(now_ms);
        }
        let moving = self.cascade.step(now_ms);
        if moving || self.needs_draw {
            crate::numfmt::set_separators(self.signs.0, self.signs.1);
            let ghost = self.ghost_strategy.map(|_| &self.ghost);
            self.scene.build_with_ghost(
                self.cascade.current(),
                &self.neutral,
                ghost,
                &self.options,
            );
            for (view, ctx) in View::ALL.into_iter().zip([back, side, top]) {
                let list = self.scene.list(view);
                let (w, h) = self.scene.size_px(view);
                // A hidden view (the phone layout's other tabs: no size) is not drawn; nor is one
                // whose canvas already shows this list.
                let digest = if w < 1.0 || h < 1.0 { 0 } else { list.digest() };
                let drawn = &mut self.drawn[view.index()];
                if digest != 0 && digest != *drawn {
                    replay(ctx, list, self.dpr, (w, h));
                }
                *drawn = digest;
            }
            self.needs_draw = false;
        }
        moving || self.autoplay_since_ms.is_some()
    }

    /// What an element off screen does in place of frames: solves a changed input at once and
    /// puts the posture where it is going, drawing nothing (the next `frame` draws it), so that
    /// the read-outs are current while no frame runs.
    pub fn settle(&mut self, now_ms: f64) {
        if self.needs_solve {
            self.resolve(now_ms);
        }
        let target = *self.cascade.target();
        self.cascade.jump(&target);
        self.needs_draw = true;
    }

    /// True when the drawn posture has reached the inputs' posture.
    #[wasm_bindgen(js_name = isSettled)]
    pub fn is_settled(&self) -> bool {
        self.cascade.is_settled() && !self.needs_solve
    }

    /// Read-out `i` of the model's `Measure::ALL` (the generated `MEASURES` table), in its unit,
    /// as drawn now or, with `settled`, once the animation has arrived; NaN past the end. A number
    /// per call keeps the glue free of array copies.
    pub fn readout(&self, i: usize, settled: bool) -> f64 {
        let pose = if settled {
            self.cascade.target()
        } else {
            self.cascade.current()
        };
        measure(pose, i)
    }

    /// Cascade step `step`'s share of the correction (0..=1) once the inputs are solved; NaN past
    /// the last step. The explain captions say it in words.
    pub fn share(&self, step: usize) -> f64 {
        self.shares.get(step).copied().unwrap_or(f64::NAN)
    }

    /// How many warnings the solved posture has: joint motions beyond their range of motion,
    /// where the model extrapolates.
    #[wasm_bindgen(js_name = warningCount)]
    pub fn warning_count(&self) -> usize {
        self.warnings.len()
    }

    /// Field `field` of warning `i` (0: the joint's index in the generated `LEVELS`, 1: the
    /// motion, 0 flexion, 1 extension, 2 lateral bend, 3 axial rotation, 2: its angle in degrees,
    /// 3: the joint's range of motion in degrees); NaN past the end.
    pub fn warning(&self, i: usize, field: usize) -> f64 {
        self.warnings
            .get(i)
            .and_then(|w| w.get(field))
            .copied()
            .unwrap_or(f64::NAN)
    }

    /// Starts dragging when the pointer (CSS pixels in `view`) is on the head; true if it is.
    #[wasm_bindgen(js_name = pointerDown)]
    pub fn pointer_down(&mut self, view: usize, x_px: f64, y_px: f64) -> bool {
        let Some(v) = View::from_index(view) else {
            return false;
        };
        if !self.scene.hits_head(v, self.cascade.current(), x_px, y_px) {
            return false;
        }
        self.drag = Some(Drag {
            start_angle_deg: self.pointer_angle_deg(x_px, y_px),
            start_tilt_deg: self.scenario.head_tilt_deg,
        });
        self.autoplay_since_ms = None;
        self.options.head_hot = true;
        self.needs_draw = true;
        true
    }

    /// Follows a drag; returns the new head tilt in degrees, or NaN when not dragging.
    #[wasm_bindgen(js_name = pointerMove)]
    pub fn pointer_move(&mut self, x_px: f64, y_px: f64) -> f64 {
        let Some(drag) = self.drag else {
            return f64::NAN;
        };
        let mut turn = self.pointer_angle_deg(x_px, y_px) - drag.start_angle_deg;
        if turn > 180.0 {
            turn -= 360.0;
        } else if turn < -180.0 {
            turn += 360.0;
        }
        self.set_input(Input::HeadTilt.index(), drag.start_tilt_deg + turn)
    }

    #[wasm_bindgen(js_name = pointerUp)]
    pub fn pointer_up(&mut self) {
        self.drag = None;
        self.options.head_hot = false;
        self.needs_draw = true;
    }

    /// True when the pointer is over the draggable head (for the cursor and the highlight).
    pub fn hover(&mut self, view: usize, x_px: f64, y_px: f64) -> bool {
        let hot = self.drag.is_some()
            || View::from_index(view)
                .is_some_and(|v| self.scene.hits_head(v, self.cascade.current(), x_px, y_px));
        if hot != self.options.head_hot {
            self.options.head_hot = hot;
            self.needs_draw = true;
        }
        hot
    }

    /// Where the head's centre is drawn in the back view, in CSS pixels: x for `axis` 0, y for 1.
    #[wasm_bindgen(js_name = headPx)]
    pub fn head_px(&self, axis: u8) -> f64 {
        let c = self.cascade.current().landmarks.head_centre;
        let (x, y) = self
            .scene
            .list(View::Back)
            .transform
            .to_px(crate::scene::P2::new(c.x, c.y));
        if axis == 0 {
            x
        } else {
            y
        }
    }
}

impl Default for Widget {
    fn default() -> Self {
        Widget::new()
    }
}

impl Widget {
    /// Solves for the current inputs and sends the body towards the result.
    fn resolve(&mut self, now_ms: f64) {
        self.needs_solve = false;
        let target = match self.explain {
            Some(step) => {
                let bare = Scenario {
                    compensation: 0.0,
                    ..self.scenario
                };
                self.uncompensated = Pose::of(self.solver.solve_unreported(&bare));
                self.solve_compensated();
                let mut w: StepWeights = [0.0; CascadeStep::COUNT];
                for (k, wk) in w.iter_mut().enumerate() {
                    *wk = if k <= step { 1.0 } else { 0.0 };
                }
                Pose::mix(&self.uncompensated, &self.compensated, &w)
            }
            None => {
                self.solve_compensated();
                self.compensated
            }
        };
        self.solve_ghost();
        let origin = Origin::of_change(&self.solved, &self.scenario);
        self.solved = self.scenario;
        if self.reduced_motion && self.autoplay_since_ms.is_none() {
            self.cascade.jump(&target);
        } else {
            self.cascade.retarget_from(&target, now_ms, origin);
        }
        self.needs_draw = true;
    }

    /// Solves the inputs as they are, keeping the pose and each step's share of the correction.
    fn solve_compensated(&mut self) {
        let posture = self.solver.solve_unreported(&self.scenario);
        for (s, c) in self.shares.iter_mut().zip(posture.cascade.iter()) {
            *s = c.share;
        }
        // Rewritten in place: once the buffer has grown, this allocates nothing.
        self.warnings.clear();
        for w in &posture.warnings {
            if let Warning::BeyondRange {
                level,
                motion,
                angle_deg,
                range_deg,
            } = *w
            {
                let code = MOTIONS.iter().position(|m| *m == motion).unwrap_or(3);
                self.warnings
                    .push([level.index() as f64, code as f64, angle_deg, range_deg]);
            }
        }
        self.compensated = Pose::of(posture);
    }

    /// Solves the inputs under the ghost's strategy, if there is one.
    #[inline(never)]
    fn solve_ghost(&mut self) {
        if let Some(strategy) = self.ghost_strategy {
            let mut other = self.scenario;
            Input::Strategy.set(&mut other, strategy);
            self.ghost = Pose::of(self.ghost_solver.solve_unreported(&other));
        }
    }

    /// The pointer's angle around C7 in the back view, degrees clockwise from straight up.
    fn pointer_angle_deg(&self, x_px: f64, y_px: f64) -> f64 {
        let p = self.scene.list(View::Back).transform.to_mm(x_px, y_px);
        let c7 = self.cascade.current().landmarks.c7;
        (p.x_mm - c7.x).atan2(p.y_mm - c7.y).to_degrees()
    }
}
